package io.edxstack.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The staged collections of one MongoDB restore and their swap into place. Staging lives in the same database
 * ({@code __restore_<suffix>_<coll>}) because renameCollection within a database only changes metadata, while a
 * rename across databases copies every document. MongoDB has no multi-collection atomic rename: each live
 * collection is renamed aside ({@code __prev_<suffix>_<coll>}) and its staged twin into place right after, so each
 * collection is missing for the time of one metadata rename, and no collection ever holds half-restored data. The
 * previous collections are dropped only after every rename succeeded.
 */
final class MongoStagingSwap {
    private static final Pattern LEFTOVER = Pattern.compile("__restore_[0-9a-f]{6}_.*");

    private final MongoClient client;
    private final MongoDatabase database;
    private final String stagingPrefix;
    private final String previousPrefix;
    private final AgentLog log;

    MongoStagingSwap(MongoClient client, String database, String runSuffix, AgentLog log) {
        this.client = client;
        this.database = client.getDatabase(database);
        this.stagingPrefix = "__restore_" + runSuffix + "_";
        this.previousPrefix = "__prev_" + runSuffix + "_";
        this.log = log;
    }

    String stagingPrefix() {
        return stagingPrefix;
    }

    /** Staged collections of restores that were killed: never served, safe to drop. */
    void dropLeftovers() {
        for (String name : names()) {
            if (LEFTOVER.matcher(name).matches()) {
                database.getCollection(name).drop();
                log.info("dropped staged collection " + name + " left by an interrupted restore");
            }
        }
    }

    void swapIntoPlace() {
        List<String> staged = new ArrayList<>();
        List<String> live = new ArrayList<>();
        for (String name : names()) {
            if (name.startsWith(stagingPrefix)) {
                staged.add(name.substring(stagingPrefix.length()));
            } else if (!name.startsWith("__") && !name.startsWith("system.")) {
                live.add(name);
            }
        }
        Set<String> all = new LinkedHashSet<>(staged);
        all.addAll(live);
        for (String name : all) {
            if (live.contains(name)) {
                rename(name, previousPrefix + name);
            }
            if (staged.contains(name)) {
                rename(stagingPrefix + name, name);
            }
        }
        for (String name : live) {
            database.getCollection(previousPrefix + name).drop();
        }
        log.info("swapped " + staged.size() + " restored collections into " + database.getName() + " ("
                + live.size() + " previous collections dropped)");
    }

    void dropStagedQuietly() {
        try {
            for (String name : names()) {
                if (name.startsWith(stagingPrefix)) {
                    database.getCollection(name).drop();
                }
            }
        } catch (RuntimeException e) {
            log.info("could not drop staged collections " + stagingPrefix + "* (" + e.getMessage()
                    + "); the next restore drops them");
        }
    }

    private List<String> names() {
        return database.listCollectionNames().into(new ArrayList<>());
    }

    private void rename(String from, String to) {
        String db = database.getName();
        client.getDatabase("admin").runCommand(new Document("renameCollection", db + "." + from)
                .append("to", db + "." + to));
    }
}
