package io.edxstack.cli;

import io.edxstack.backup.contract.Release;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Release.agent()};
    }
}
