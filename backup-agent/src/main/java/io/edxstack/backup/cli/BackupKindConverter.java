package io.edxstack.backup.cli;

import io.edxstack.backup.contract.DatabaseKind;
import picocli.CommandLine;

/** mysql | mongodb, as in object keys. */
final class BackupKindConverter implements CommandLine.ITypeConverter<DatabaseKind> {
    @Override
    public DatabaseKind convert(String text) {
        try {
            return DatabaseKind.fromLabel(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
