package io.edxstack.backup.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes as operators write them: 16MiB, 64M, 5242880. Binary units (M = MiB). */
final class BackupSizeConverter implements CommandLine.ITypeConverter<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");

    @Override
    public Integer convert(String text) {
        Matcher matcher = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a size, perhaps 16MiB");
        }
        long value = Long.parseLong(matcher.group(1));
        long bytes = switch (matcher.group(2).isEmpty() ? 'b' : matcher.group(2).charAt(0)) {
            case 'k' -> value << 10;
            case 'm' -> value << 20;
            case 'g' -> value << 30;
            default -> value;
        };
        if (bytes > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + text + "' is too large, perhaps 64MiB");
        }
        return (int) bytes;
    }
}
