package dev.frontier.scheduler;

import dev.frontier.actor.ActorSystem;
import java.util.concurrent.CountDownLatch;

/**
 * A program for {@link LifecyclesEndTest}, run in a JVM of its own: starts a system whose actor
 * prints when its {@code finally} runs, says {@code ready}, then waits for ever ({@code wait}) or
 * returns from {@code main} ({@code return}).
 */
public final class ShutdownHookMain {

    private ShutdownHookMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean daemon = args[1].equals("return");
        ActorSystemOptions options = ActorSystemOptions.defaults().withDaemonThreads(daemon).withVirtualThreads(false);
        ActorSystem system = mode.equals("deque") ? DequeScheduler.create(options).start() : ThreadPerActorSystem.create(options);
        CountDownLatch started = new CountDownLatch(1);
        system.<String>spawn("resource-holder", ctx -> {
            try {
                started.countDown();
                while (true) {
                    ctx.receive();
                }
            } finally {
                System.out.println("finally ran in " + ctx.name());
                System.out.flush();
            }
        });
        started.await();
        System.out.println("ready");
        System.out.flush();
        if (!daemon) {
            new CountDownLatch(1).await();
        }
    }
}
