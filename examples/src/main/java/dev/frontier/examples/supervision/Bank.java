package dev.frontier.examples.supervision;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorRef;
import dev.frontier.actor.ChildSpec;
import dev.frontier.actor.GeneratorActor;
import dev.frontier.actor.MessageHandler;
import dev.frontier.actor.SupervisionEvent;
import dev.frontier.actor.SupervisorSpec;
import dev.frontier.scheduler.ActorSystemOptions;
import dev.frontier.scheduler.DequeScheduler;
import dev.frontier.scheduler.ManualClock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Let it crash: a small bank under supervision. {@code mvn -q compile exec:exec -Dexample=supervision}.
 *
 * <pre>
 *   bank (one_for_one, at most 2 restarts a minute)
 *   ├── alice    account: a generator actor; its balance is a local, so it is reloaded from the ledger
 *   ├── bob      account
 *   └── audit    (one_for_one, Erlang's default: at most 1 restart in 5 s)
 *       └── auditor   a flaky handler actor: faults are injected
 * </pre>
 *
 * An overdraft crashes alice: the message in hand is reported and lost, the ones behind it wait, a
 * new incarnation reloads her balance and takes them; everyone's reference to alice still works.
 * The auditor crashes twice: its supervisor restarts it once, then gives up and fails, and the bank
 * restarts the whole audit subtree. When that happens once more, the bank is past its own limit: it
 * stops every child, latest started first, and fails. Runs on the deque scheduler driven by hand,
 * with a clock that stands still, so the output is the same every time.
 */
public final class Bank {

    /** What an account accepts: its protocol, checked at every send. */
    public sealed interface AccountMsg permits Deposit, Withdraw, Transfer, GetBalance {
    }

    public record Deposit(int amount) implements AccountMsg {
    }

    public record Withdraw(int amount) implements AccountMsg {
    }

    public record Transfer(int amount, ActorRef<AccountMsg> to) implements AccountMsg {
        @Override
        public String toString() {
            return "Transfer[" + amount + " to " + to.name() + "]";
        }
    }

    public record GetBalance(ActorRef<Integer> replyTo) implements AccountMsg {
    }

    /** What the auditor accepts. */
    public record Audit(int number) {
    }

    private Bank() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /**
     * An account. Its balance is a local variable: a restart starts the body over, so it reloads the
     * balance from the ledger, where every change was written.
     */
    static GeneratorActor<AccountMsg> account(String name, Map<String, Integer> ledger, PrintStream out) {
        return ctx -> {
            int balance = ledger.getOrDefault(name, 0);
            out.println(name + ": open, balance " + balance);
            try {
                while (true) {
                    switch (ctx.receive()) {
                        case Deposit d -> balance = book(ledger, name, balance + d.amount());
                        case Withdraw w -> balance = book(ledger, name, withdraw(name, balance, w.amount()));
                        case Transfer t -> {
                            balance = book(ledger, name, withdraw(name, balance, t.amount()));
                            ctx.send(t.to(), new Deposit(t.amount()));
                        }
                        case GetBalance g -> ctx.send(g.replyTo(), balance);
                    }
                }
            } finally {
                out.println(name + ": closed, balance " + balance);
            }
        };
    }

    private static int withdraw(String name, int balance, int amount) {
        if (amount > balance) {
            throw new IllegalStateException("overdraft: " + name + " has " + balance + ", asked for " + amount);
        }
        return balance - amount;
    }

    private static int book(Map<String, Integer> ledger, String name, int balance) {
        ledger.put(name, balance);
        return balance;
    }

    /** The auditor: a handler whose fields start over with each incarnation. Crashes while faults are injected. */
    static final class Auditor implements MessageHandler<Audit> {
        private final Map<String, Integer> ledger;
        private final AtomicInteger faults;
        private final PrintStream out;
        private int audits; // a field: a new handler object per incarnation starts it at 0

        Auditor(Map<String, Integer> ledger, AtomicInteger faults, PrintStream out) {
            this.ledger = ledger;
            this.faults = faults;
            this.out = out;
            out.println("auditor: on duty");
        }

        @Override
        public void handle(ActorContext<Audit> ctx, Audit a) {
            audits++;
            if (faults.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("auditor crashed (injected fault)");
            }
            int total = ledger.values().stream().mapToInt(Integer::intValue).sum();
            out.println("auditor: audit " + a.number() + " ok, " + audits + " by this incarnation, ledger " + ledger
                    + ", total " + total);
        }
    }

    public static void run(PrintStream out) throws Exception {
        Map<String, Integer> ledger = new TreeMap<>();
        AtomicInteger faults = new AtomicInteger();
        ActorSystemOptions options = ActorSystemOptions.defaults()
                .withClock(new ManualClock()) // time stands still: every restart falls in the same window
                .withErrorHandler(f -> out.println("  ! " + f.describe()));
        try (DequeScheduler bankSystem = DequeScheduler.create(options)) {
            SupervisorSpec audit = SupervisorSpec.oneForOne() // Erlang's default intensity: 1 restart in 5 s
                    .withListener(e -> event(out, e))
                    .child(ChildSpec.handler("auditor", Audit.class, () -> new Auditor(ledger, faults, out)));
            ActorRef<Void> bank = bankSystem.spawnSupervisor("bank", SupervisorSpec.oneForOne()
                    .withIntensity(2, Duration.ofMinutes(1))
                    .withListener(e -> event(out, e))
                    .child(ChildSpec.of("alice", AccountMsg.class, account("alice", ledger, out)))
                    .child(ChildSpec.of("bob", AccountMsg.class, account("bob", ledger, out)))
                    .child(ChildSpec.supervisor("audit", audit)));
            bankSystem.run();
            ActorRef<AccountMsg> alice = bankSystem.<AccountMsg>lookup("alice").orElseThrow();
            ActorRef<AccountMsg> bob = bankSystem.<AccountMsg>lookup("bob").orElseThrow();

            out.println("-- 1. business as usual");
            alice.send(new Deposit(100));
            bob.send(new Deposit(50));
            alice.send(new Transfer(30, bob));
            bankSystem.send("alice", "a string"); // the name-based send compiles; the type check refuses it
            bankSystem.send("auditor", new Audit(1));
            bankSystem.run();
            balances(bankSystem, out, alice, bob);
            out.println("dead letters so far: " + bankSystem.deadLetters().recent());

            out.println("-- 2. an overdraft crashes alice; the bank restarts her; the withdrawal is lost, the deposit behind it waits");
            alice.send(new Withdraw(500));
            alice.send(new Deposit(5));
            bankSystem.run();
            balances(bankSystem, out, alice, bob);
            out.println("the reference from before the crash still reaches alice: " + alice.isAlive());

            out.println("-- 3. the auditor crashes twice: its supervisor restarts it once, then gives up; the bank restarts the audit tree");
            faults.set(2);
            bankSystem.send("auditor", new Audit(2));
            bankSystem.send("auditor", new Audit(3));
            bankSystem.run();
            bankSystem.send("auditor", new Audit(4));
            bankSystem.run();

            out.println("-- 4. once more: the bank is past its own limit (2 restarts a minute); it stops everything and fails");
            faults.set(2);
            bankSystem.send("auditor", new Audit(5));
            bankSystem.send("auditor", new Audit(6));
            bankSystem.run();
            try {
                bank.termination().get();
            } catch (ExecutionException e) {
                out.println("bank ended: " + e.getCause());
            }
            out.println("still running: " + bankSystem.actorNames() + "; the ledger kept " + ledger);
        }
    }

    /** A child's exit is printed by the error handler already ("!"); the rest of what supervisors do, here ("~"). */
    private static void event(PrintStream out, SupervisionEvent e) {
        if (!(e instanceof SupervisionEvent.ChildExited)) {
            out.println("  ~ " + e);
        }
    }

    private static void balances(DequeScheduler system, PrintStream out, ActorRef<AccountMsg> alice,
                                 ActorRef<AccountMsg> bob) throws Exception {
        CompletableFuture<Integer> a = alice.ask(GetBalance::new, Duration.ofSeconds(1)); // typed: javac checks Integer
        CompletableFuture<Integer> b = bob.ask(GetBalance::new, Duration.ofSeconds(1));
        system.run();
        out.println("balances (typed asks): alice " + a.get() + ", bob " + b.get());
    }
}
