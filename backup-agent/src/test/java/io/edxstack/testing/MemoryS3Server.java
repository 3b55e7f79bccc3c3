package io.edxstack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory S3 stand-in on the loopback interface: the few requests the agent makes, path-style, without
 * authentication. Not S3: for the image's class-data sharing training run (images/backup-agent/cds-training.sh),
 * where no real S3 is at hand, and JDK classes only, so that it runs from the test classes alone:
 * {@code java -cp test-classes io.edxstack.testing.MemoryS3Server PORT_FILE} writes its port to PORT_FILE once it
 * listens and serves until killed.
 */
public final class MemoryS3Server implements AutoCloseable {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, byte[]>> uploads = new ConcurrentHashMap<>();
    private final HttpServer server;

    private MemoryS3Server(HttpServer server) {
        this.server = server;
    }

    public static MemoryS3Server start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        MemoryS3Server s3 = new MemoryS3Server(http);
        http.createContext("/", s3::handle);
        http.start();
        return s3;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -cp test-classes " + MemoryS3Server.class.getName() + " PORT_FILE");
            System.exit(2);
        }
        MemoryS3Server s3 = start();
        Path portFile = Path.of(args[0]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".partial");
        Files.writeString(partial, Integer.toString(s3.server.getAddress().getPort()));
        Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The few S3 requests the agent makes, path-style, without authentication. */
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            Map<String, String> query = query(uri.getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestHeaders().containsKey("x-amz-decoded-content-length")) {
                body = decodeAwsChunked(body);
            }
            String method = exchange.getRequestMethod();
            String bucketOnly = path.substring(1).contains("/") ? null : path.substring(1);
            if (method.equals("GET") && bucketOnly != null) {
                String prefix = query.getOrDefault("prefix", "");
                StringBuilder xml = new StringBuilder("<ListBucketResult><Name>" + bucketOnly + "</Name><Prefix>"
                        + prefix + "</Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false"
                        + "</IsTruncated>");
                new TreeMap<>(objects).forEach((key, value) -> {
                    String name = key.substring(bucketOnly.length() + 2);
                    if (key.startsWith("/" + bucketOnly + "/") && name.startsWith(prefix)) {
                        xml.append("<Contents><Key>").append(name).append("</Key><LastModified>"
                                + "2026-01-01T00:00:00.000Z</LastModified><ETag>\"0\"</ETag><Size>")
                                .append(value.length).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
                    }
                });
                reply(exchange, 200, xml.append("</ListBucketResult>").toString());
            } else if (method.equals("POST") && query.containsKey("uploads")) {
                String id = Integer.toString(uploads.size() + 1);
                uploads.put(id, new TreeMap<>());
                reply(exchange, 200, "<InitiateMultipartUploadResult><Bucket>training</Bucket><Key>" + path
                        + "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>");
            } else if (method.equals("PUT") && query.containsKey("uploadId")) {
                uploads.get(query.get("uploadId")).put(Integer.parseInt(query.get("partNumber")), body);
                exchange.getResponseHeaders().add("ETag", "\"" + query.get("partNumber") + "\"");
                reply(exchange, 200, "");
            } else if (method.equals("POST") && query.containsKey("uploadId")) {
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                for (byte[] part : uploads.remove(query.get("uploadId")).values()) {
                    whole.writeBytes(part);
                }
                objects.put(path, whole.toByteArray());
                reply(exchange, 200, "<CompleteMultipartUploadResult><Bucket>training</Bucket><Key>" + path
                        + "</Key></CompleteMultipartUploadResult>");
            } else if (method.equals("DELETE") && query.containsKey("uploadId")) {
                uploads.remove(query.get("uploadId"));
                exchange.sendResponseHeaders(204, -1);
            } else if (method.equals("PUT")) {
                objects.put(path, body);
                exchange.getResponseHeaders().add("ETag", "\"0\"");
                reply(exchange, 200, "");
            } else if ((method.equals("GET") || method.equals("HEAD")) && objects.containsKey(path)) {
                byte[] object = objects.get(path);
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                exchange.getResponseHeaders().add("Last-Modified", "Thu, 01 Jan 2026 00:00:00 GMT");
                if (method.equals("HEAD")) {
                    exchange.getResponseHeaders().add("Content-Length", Integer.toString(object.length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(200, object.length == 0 ? -1 : object.length);
                    exchange.getResponseBody().write(object);
                }
            } else {
                reply(exchange, 404, "<Error><Code>NoSuchKey</Code><Message>" + method + " " + path
                        + "</Message></Error>");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The payload of an aws-chunked body: {@code <hex size>;chunk-signature=...\r\n<data>\r\n}, until size 0. */
    private static byte[] decodeAwsChunked(byte[] body) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (body[lineEnd] != '\r') {
                lineEnd++;
            }
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0], 16);
            if (size == 0) {
                break;
            }
            payload.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return payload.toByteArray();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new TreeMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq),
                        eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
