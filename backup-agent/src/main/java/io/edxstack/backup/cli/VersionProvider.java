package io.edxstack.backup.cli;

import io.edxstack.backup.contract.Release;
import picocli.CommandLine;

public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Release.agent()};
    }
}
