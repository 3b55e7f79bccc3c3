package io.edxstack.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The staged-collection swap of a MongoDB restore, against mongo-java-server (an in-process stand-in speaking the
 * wire protocol), because no MongoDB server can be installed on this machine. mongorestore's part (loading into
 * the staged names) is covered by the command line test.
 */
class MongoStagingSwapTest {
    private MongoServer server;
    private MongoClient client;
    private final AgentLog log = new AgentLog(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void swap_replacesLiveCollectionsWithStagedOnes() {
        MongoDatabase db = client.getDatabase("openedx");
        db.getCollection("modulestore.structures").insertOne(new Document("_id", 1).append("v", "old"));
        db.getCollection("only_live").insertOne(new Document("_id", 2));
        db.getCollection("__restore_abc123_modulestore.structures").insertOne(new Document("_id", 1).append("v", "new"));
        db.getCollection("__restore_abc123_modulestore.definitions").insertOne(new Document("_id", 3));
        db.getCollection("__restore_0dd000_leftover").insertOne(new Document("_id", 4));

        MongoStagingSwap swap = new MongoStagingSwap(client, "openedx", "abc123", log);
        swap.swapIntoPlace();

        assertEquals(List.of("__restore_0dd000_leftover", "modulestore.definitions", "modulestore.structures"),
                names(db));
        assertEquals("new", db.getCollection("modulestore.structures").find().first().getString("v"));
    }

    @Test
    void dropLeftoversAndStaged_removeOnlyStagingCollections() {
        MongoDatabase db = client.getDatabase("openedx");
        db.getCollection("courses").insertOne(new Document("_id", 1));
        db.getCollection("__restore_0dd000_courses").insertOne(new Document("_id", 1));
        db.getCollection("__restore_abc123_courses").insertOne(new Document("_id", 1));
        MongoStagingSwap swap = new MongoStagingSwap(client, "openedx", "abc123", log);
        swap.dropLeftovers();
        assertEquals(List.of("courses"), names(db));
        db.getCollection("__restore_abc123_courses").insertOne(new Document("_id", 1));
        swap.dropStagedQuietly();
        assertEquals(List.of("courses"), names(db));
    }

    private static List<String> names(MongoDatabase db) {
        List<String> names = db.listCollectionNames().into(new ArrayList<>());
        names.sort(null);
        return names;
    }
}
