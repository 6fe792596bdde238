package dev.atrium.platform.models;

import dev.atrium.platform.usage.ModelCall;
import dev.atrium.platform.usage.UsageLedger;
import dev.atrium.sdk.model.ModelGateway;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Hands out gateways: one per run (routed and attributed), one per provider for the admin playground. */
@Component
public class ModelGateways {

    private final ModelProviders providers;
    private final UsageLedger ledger;
    private final Clock clock = Clock.systemUTC();

    public ModelGateways(ModelProviders providers, UsageLedger ledger) {
        this.providers = providers;
        this.ledger = ledger;
    }

    /** The gateway a run's skill uses; every call also goes to {@code onCall} (the run's own totals). */
    public ModelGateway forRun(String plugin, String skill, String runId, String tenant, Consumer<ModelCall> onCall) {
        return new RoutedModelGateway(providers, new RoutedModelGateway.Caller(plugin, skill, runId, tenant), null,
                call -> {
                    ledger.record(call);
                    onCall.accept(call);
                }, clock);
    }

    /** A gateway bound to one provider, for the playground; calls are metered under plugin {@code admin}. */
    public ModelGateway forProvider(String provider, String tenant) {
        return new RoutedModelGateway(providers, new RoutedModelGateway.Caller("admin", "", "", tenant), provider,
                ledger::record, clock);
    }

    /** Whether a provider of that name exists ({@code embedded} always does). */
    public boolean exists(String provider) {
        return providers.exists(provider);
    }
}
