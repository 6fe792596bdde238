package dev.atrium.platform.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A local OpenAI-compatible server on the JDK's HttpServer that speaks the real wire format: chat
 * completions (plain and SSE streaming with a usage chunk and {@code [DONE]}), embeddings, audio
 * transcriptions, image generations and edits, model listing. Replies are scripted per path; every request
 * is recorded for assertions.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What to answer. */
    public interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    static {
        // Stream chunks leave at once, as from a real provider; without it Nagle + delayed ACKs add ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();

    /** A started server, for a test class's static field (where a checked exception cannot be thrown). */
    public static FakeOpenAiServer started() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-openai");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL clients configure, with {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies for a path such as {@code /v1/chat/completions}; the last one repeats. */
    public FakeOpenAiServer on(String path, Reply... replies) {
        Deque<Reply> queue = scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>());
        queue.clear();
        queue.addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
        Deque<Reply> queue = scripted.get(path);
        Reply reply = queue == null ? null : queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        if (reply == null) {
            reply = json(404, "{\"error\":{\"message\":\"no script for " + path + "\",\"type\":\"invalid_request_error\"}}");
        }
        try {
            reply.send(exchange);
        } finally {
            exchange.close();
        }
    }

    // ---- replies in the OpenAI wire format

    public static Reply json(int status, String body, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    public static Reply chat(String content, int promptTokens, int completionTokens) {
        return json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"fake-chat\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + quote(content) + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens
                + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens)
                + "}}");
    }

    /** A streamed answer: one chunk per piece, a finish chunk, a usage chunk, then {@code [DONE]}. */
    public static Reply stream(int promptTokens, int completionTokens, String... pieces) {
        return exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                String head = "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                        + "\"model\":\"fake-chat\",\"choices\":";
                for (String piece : pieces) {
                    send(out, head + "[{\"index\":0,\"delta\":{\"content\":" + quote(piece) + "},\"finish_reason\":null}]}");
                }
                send(out, head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
                send(out, head + "[],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                        + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}");
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        };
    }

    public static Reply embeddings(float[]... vectors) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < vectors.length; i++) {
            StringBuilder vector = new StringBuilder();
            for (int j = 0; j < vectors[i].length; j++) {
                vector.append(j == 0 ? "" : ",").append(vectors[i][j]);
            }
            data.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i)
                    .append(",\"embedding\":[").append(vector).append("]}");
        }
        return json(200, "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"fake-embed\","
                + "\"usage\":{\"prompt_tokens\":7,\"total_tokens\":7}}");
    }

    public static Reply transcription(String text) {
        return json(200, "{\"text\":" + quote(text) + "}");
    }

    public static Reply image(String base64) {
        return json(200, "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + base64 + "\"}]}");
    }

    public static Reply models() {
        return json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"fake-chat\",\"object\":\"model\",\"created\":0,"
                + "\"owned_by\":\"tests\"}]}");
    }

    /** Accepts the request and never answers (until the client gives up). */
    public static Reply hang() {
        return exchange -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void send(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }
}
