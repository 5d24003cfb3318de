package dev.frontier.benchmarks.savina;

import dev.frontier.scheduler.ActorSystemOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Who runs the benchmarks: Frontier's modes, Pekko, and the two physical-limit baselines. */
public enum Variant {
    GEN("gen", "generator actors", Kind.FRONTIER, true,
            () -> new FrontierGeneratorActors(FrontierHost.deque(ActorSystemOptions.defaults()))),
    HANDLER("handler", "handler actors", Kind.FRONTIER, true,
            () -> new FrontierHandlerActors(FrontierHost.deque(ActorSystemOptions.defaults()))),
    HANDLER_NOMDC("handler-nomdc", "handler, MDC off", Kind.FRONTIER, true,
            () -> new FrontierHandlerActors(FrontierHost.deque(ActorSystemOptions.defaults().withMdc(false)))),
    TPA("tpa", "thread-per-actor (virtual)", Kind.FRONTIER, true,
            () -> new FrontierGeneratorActors(FrontierHost.threadPerActor(ActorSystemOptions.defaults()))),
    PEKKO("pekko", "Pekko default dispatcher", Kind.PEKKO, true, PekkoActors::defaultDispatcher),
    PEKKO_1T("pekko-1t", "Pekko one thread", Kind.PEKKO, true, PekkoActors::oneThread),
    CONT("cont", "bare continuations", Kind.BASELINE, true, Baselines.BareContinuations::new),
    VTHREAD("vthread", "virtual-thread hand-off", Kind.BASELINE, true, Baselines.VirtualThreadHandOff::new),
    // not run unless asked for (--variants)
    GEN_NOMDC("gen-nomdc", "generator, MDC off", Kind.FRONTIER, false,
            () -> new FrontierGeneratorActors(FrontierHost.deque(ActorSystemOptions.defaults().withMdc(false)))),
    TPA_HANDLER("tpa-handler", "thread-per-actor handlers", Kind.FRONTIER, false,
            () -> new FrontierHandlerActors(FrontierHost.threadPerActor(ActorSystemOptions.defaults())));

    enum Kind { FRONTIER, PEKKO, BASELINE }

    /** The id used on the command line and in the tables' headers. */
    public final String id;
    public final String title;
    final Kind kind;
    /** Run when no {@code --variants} is given. */
    final boolean byDefault;
    private final Supplier<Implementation> factory;

    Variant(String id, String title, Kind kind, boolean byDefault, Supplier<Implementation> factory) {
        this.id = id;
        this.title = title;
        this.kind = kind;
        this.byDefault = byDefault;
        this.factory = factory;
    }

    /** A fresh implementation; deque-scheduler ones belong to the calling thread. */
    Implementation create() {
        return factory.get();
    }

    static List<Variant> defaults() {
        return Arrays.stream(values()).filter(v -> v.byDefault).toList();
    }

    public static Variant byId(String id) {
        String want = id.toLowerCase(Locale.ROOT);
        for (Variant v : values()) {
            if (v.id.equals(want)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "'; known: " + Arrays.stream(values()).map(v -> v.id).toList());
    }
}
