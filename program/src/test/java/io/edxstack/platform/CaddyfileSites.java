package io.edxstack.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sites of a Caddyfile, read with the Caddyfile's own lexical rules (tokens split by white space, quotes, {@code #}
 * comments, a block opened by a lone {@code {} token at a line's end and closed by a lone {@code }}), with snippets
 * imported as Caddy imports them ({@code {args.N}} replaced) and environment placeholders {@code {$NAME}} replaced:
 * for each site address, where it proxies to and which certificate folders it loads. A structural reading to compare
 * Tutor's routes with the front door's where no Caddy binary is at hand; Caddy's own adapter is the full check.
 */
final class CaddyfileSites {
    /** One statement: its tokens and, when it opens a block, the block's statements. */
    record Statement(List<String> tokens, List<Statement> block) {
        String name() {
            return tokens.isEmpty() ? "" : tokens.get(0);
        }
    }

    /** A site: its address, the upstreams it proxies to, the folders it loads certificates from, its directives. */
    record Site(String address, Set<String> upstreams, Set<String> certificateFolders, List<Statement> statements) {
    }

    private CaddyfileSites() {
    }

    /** Every site address of the file (global options and snippets are not sites), in the file's order. */
    static Map<String, Site> read(String text, Map<String, String> environment) {
        List<Statement> top = parse(tokens(text, environment));
        Map<String, List<Statement>> snippets = new LinkedHashMap<>();
        for (Statement s : top) {
            if (s.name().startsWith("(") && s.name().endsWith(")")) {
                snippets.put(s.name().substring(1, s.name().length() - 1), s.block());
            }
        }
        Map<String, Site> sites = new LinkedHashMap<>();
        for (Statement s : top) {
            if (s.tokens().isEmpty() || snippets.containsKey(s.name().replaceAll("^\\(|\\)$", ""))) {
                continue; // the global options block, or a snippet
            }
            List<Statement> body = expand(s.block(), snippets);
            Set<String> upstreams = new TreeSet<>();
            Set<String> folders = new TreeSet<>();
            walk(body, upstreams, folders);
            for (String address : s.tokens()) {
                String clean = address.endsWith(",") ? address.substring(0, address.length() - 1) : address;
                sites.put(clean, new Site(clean, upstreams, folders, body));
            }
        }
        return sites;
    }

    /** The global options block's statements. */
    static List<Statement> globalOptions(String text) {
        List<Statement> top = parse(tokens(text, Map.of()));
        return !top.isEmpty() && top.get(0).tokens().isEmpty() ? top.get(0).block() : List.of();
    }

    private static void walk(List<Statement> statements, Set<String> upstreams, Set<String> folders) {
        for (Statement s : statements) {
            if (s.name().equals("reverse_proxy") && s.tokens().size() > 1) {
                upstreams.addAll(s.tokens().subList(1, s.tokens().size()));
            }
            if (s.name().equals("tls") && s.block() != null) {
                s.block().stream().filter(t -> t.name().equals("load"))
                        .forEach(t -> folders.addAll(t.tokens().subList(1, t.tokens().size())));
            }
            if (s.block() != null) {
                walk(s.block(), upstreams, folders);
            }
        }
    }

    /** A block with each {@code import <snippet> args...} replaced by the snippet's statements. */
    private static List<Statement> expand(List<Statement> block, Map<String, List<Statement>> snippets) {
        if (block == null) {
            return null;
        }
        List<Statement> out = new ArrayList<>();
        for (Statement s : block) {
            if (s.name().equals("import") && s.tokens().size() > 1 && snippets.containsKey(s.tokens().get(1))) {
                List<String> args = s.tokens().subList(2, s.tokens().size());
                out.addAll(expand(substitute(snippets.get(s.tokens().get(1)), args), snippets));
            } else {
                out.add(new Statement(s.tokens(), expand(s.block(), snippets)));
            }
        }
        return out;
    }

    private static List<Statement> substitute(List<Statement> block, List<String> args) {
        if (block == null) {
            return null;
        }
        List<Statement> out = new ArrayList<>();
        for (Statement s : block) {
            List<String> tokens = new ArrayList<>();
            for (String token : s.tokens()) {
                for (int i = 0; i < args.size(); i++) {
                    token = token.replace("{args." + i + "}", args.get(i)).replace("{args[" + i + "]}", args.get(i));
                }
                tokens.add(token);
            }
            out.add(new Statement(tokens, substitute(s.block(), args)));
        }
        return out;
    }

    /** Statements from lines of tokens; "\n" separates lines. */
    private static List<Statement> parse(List<String> tokens) {
        int[] position = {0};
        List<Statement> statements = statements(tokens, position);
        if (position[0] < tokens.size()) {
            throw new IllegalArgumentException("a '}' closes no block");
        }
        return statements;
    }

    private static List<Statement> statements(List<String> tokens, int[] position) {
        List<Statement> out = new ArrayList<>();
        List<String> line = new ArrayList<>();
        while (position[0] < tokens.size()) {
            String token = tokens.get(position[0]++);
            if (token.equals("\n")) {
                if (!line.isEmpty()) {
                    out.add(new Statement(List.copyOf(line), null));
                    line.clear();
                }
            } else if (token.equals("{") && nextIsLineEnd(tokens, position[0])) {
                List<Statement> block = statements(tokens, position);
                if (position[0] > tokens.size() || !tokens.get(position[0] - 1).equals("}")) {
                    throw new IllegalArgumentException("a block opened after " + line + " is never closed");
                }
                out.add(new Statement(List.copyOf(line), block));
                line.clear();
            } else if (token.equals("}") && line.isEmpty()) {
                return out;
            } else {
                line.add(token);
            }
        }
        if (!line.isEmpty()) {
            out.add(new Statement(List.copyOf(line), null));
        }
        return out;
    }

    private static boolean nextIsLineEnd(List<String> tokens, int index) {
        return index >= tokens.size() || tokens.get(index).equals("\n");
    }

    /** Tokens and "\n" line ends; quotes group, # starts a comment, {$NAME} takes the environment's value. */
    private static List<String> tokens(String text, Map<String, String> environment) {
        for (var variable : environment.entrySet()) {
            text = text.replace("{$" + variable.getKey() + "}", variable.getValue());
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    token.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    token.append(c);
                }
            } else if (c == '"' && token.isEmpty()) {
                quoted = true;
            } else if (c == '#' && token.isEmpty()) {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
                if (c == '\n') {
                    tokens.add("\n");
                }
            } else {
                token.append(c);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}
