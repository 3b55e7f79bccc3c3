package io.edxstack.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = EdxstackCli.class.getPackage().getImplementationVersion();
        return new String[] {"edxstack " + (version == null ? "development build" : version)};
    }
}
