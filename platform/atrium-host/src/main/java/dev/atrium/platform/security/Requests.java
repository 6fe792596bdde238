package dev.atrium.platform.security;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/** Facts about a request that audit records keep. */
public final class Requests {

    private Requests() {
    }

    /**
     * The client's address as the server saw it. Forwarded headers are honoured only when the operator
     * turns on {@code server.forward-headers-strategy}, which rewrites the remote address itself.
     */
    public static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
