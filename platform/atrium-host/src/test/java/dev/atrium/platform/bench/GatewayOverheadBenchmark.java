package dev.atrium.platform.bench;

import dev.atrium.platform.models.FakeOpenAiServer;
import dev.atrium.platform.models.RemoteProviderProbe;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time to first token of a streaming chat: straight to the local fake OpenAI server over a raw socket, and through the gateway's remote provider (Spring AI + the OpenAI SDK), alternating, after a
 * warm-up. Prints both medians and the gateway's overhead. Run with {@code ./atrium bench gateway}.
 */
public final class GatewayOverheadBenchmark {

    private GatewayOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (FakeOpenAiServer server = new FakeOpenAiServer()) {
            server.on("/v1/chat/completions", FakeOpenAiServer.stream(10, 5, "Hello", " there", ", friend"));
            RemoteProviderProbe gateway = RemoteProviderProbe.connect(server.baseUrl());
            ChatRequest request = new ChatRequest(List.of(ChatMessage.user("Say hello")), null, null);
            String body = "{\"model\":\"fake-chat\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
            List<Long> direct = new ArrayList<>();
            List<Long> viaGateway = new ArrayList<>();
            for (int i = 0; i < rounds + 50; i++) {
                long raw = directFirstToken(server.baseUrl(), body);
                long gw = gateway.firstTokenNanos(request);
                if (i >= 50) {
                    direct.add(raw);
                    viaGateway.add(gw);
                }
            }
            double directMedian = median(direct) / 1e6;
            double gatewayMedian = median(viaGateway) / 1e6;
            System.out.printf("time to first token, median of %d streaming calls against the local fake server%n", rounds);
            System.out.printf("  direct (raw socket, no client) %8.3f ms%n", directMedian);
            System.out.printf("  through the gateway            %8.3f ms%n", gatewayMedian);
            System.out.printf("  gateway overhead               %8.3f ms (target <= 5 ms)%n", gatewayMedian - directMedian);
        }
    }

    /** The fake's own time to first token: a raw socket with TCP_NODELAY, no client library at all. */
    private static long directFirstToken(String baseUrl, String body) throws Exception {
        URI uri = URI.create(baseUrl + "/chat/completions");
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        long began = System.nanoTime();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Content-Type: application/json\r\nAuthorization: Bearer x\r\nConnection: close\r\n"
                    + "Content-Length: " + payload.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            long first = -1;
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (first < 0 && line.contains("\"content\"")) {
                    first = System.nanoTime() - began;
                }
            }
            return first;
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
