package dev.atrium.platform.models;

import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.SkillTimeoutException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever a provider call threw into the SDK's typed errors, with messages a user can act on and
 * never the API key or a stack trace.
 */
final class ProviderErrors {

    private ProviderErrors() {
    }

    static SkillException translate(String provider, Throwable error) {
        if (error instanceof SkillException typed) {
            return typed;
        }
        if (error instanceof CallNotPermittedException) {
            return new ProviderException("provider '" + provider + "' is failing repeatedly; calls are paused "
                    + "for a while (circuit open) — try again shortly or route to another provider");
        }
        Throwable cause = rootOf(error);
        if (causedBy(error, InterruptedIOException.class) || causedBy(error, TimeoutException.class)) {
            return new SkillTimeoutException("provider '" + provider + "' did not answer in time", error);
        }
        if (error instanceof UnauthorizedException || error instanceof PermissionDeniedException) {
            return new ProviderException("provider '" + provider + "' refused the credentials (HTTP "
                    + ((OpenAIServiceException) error).statusCode() + "); check its api-key", error);
        }
        if (error instanceof RateLimitException) {
            return new ProviderException("provider '" + provider + "' is rate limiting (HTTP 429) and retries "
                    + "did not get through", error);
        }
        if (error instanceof BadRequestException || error instanceof UnprocessableEntityException) {
            return new BadInputException(null, "provider '" + provider + "' rejected the request: "
                    + shortMessage(error), error);
        }
        if (error instanceof NotFoundException) {
            return new ProviderException("provider '" + provider + "' does not know that model or endpoint (HTTP 404)"
                    + "; check its model names and base-url (it must end in /v1)", error);
        }
        if (error instanceof OpenAIServiceException service) {
            return new ProviderException("provider '" + provider + "' failed with HTTP " + service.statusCode(), error);
        }
        if (error instanceof OpenAIIoException) {
            return new ProviderException("provider '" + provider + "' cannot be reached: " + shortMessage(cause), error);
        }
        if (error instanceof OpenAIInvalidDataException) {
            return new ProviderException("provider '" + provider + "' answered something that is not a valid "
                    + "OpenAI response: " + shortMessage(error), error);
        }
        return new ProviderException("provider '" + provider + "' call failed: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + shortMessage(error)), error);
    }

    /** Whether the error says the provider is unwell (counts against the circuit breaker). */
    static boolean isProviderFault(Throwable error) {
        if (error instanceof OpenAIServiceException service) {
            return service.statusCode() >= 500 || service.statusCode() == 429;
        }
        return error instanceof OpenAIIoException || causedBy(error, InterruptedIOException.class)
                || error instanceof OpenAIInvalidDataException;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String shortMessage(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message = message.replaceAll("(?i)(bearer\\s+)\\S+", "$1***").replaceAll("sk-[A-Za-z0-9_-]{6,}", "sk-***");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
