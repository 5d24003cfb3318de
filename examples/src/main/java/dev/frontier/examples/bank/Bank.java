package dev.frontier.examples.bank;

import dev.frontier.actor.ActorContext;
import dev.frontier.actor.ActorSystem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments between account actors, approved by an auditor: a protocol with an ordering bug that the
 * plain deque scheduler never shows.
 *
 * <p>The auditor handles one payment at a time. It <em>checks</em> the payer's balance (a
 * {@link GetBalance} query and its {@link Balance} reply), then <em>acts</em>: it rejects the payment,
 * or tells the payer to {@link Withdraw}, and the payer sends the money on to the payee as a
 * {@link Deposit}. The auditor moves to the next payment when the transfer is confirmed.
 *
 * <p><b>The bug</b> ({@code fixed = false}): the <em>payer</em> confirms ({@link Withdrawn}) as soon as it
 * has sent the deposit. If the next payment is paid by that payee, the auditor's balance query to it
 * races the deposit on its way: two messages from different senders (the payer's {@code Deposit},
 * the auditor's {@code GetBalance}) to one mailbox. On a single deque scheduler the deposit was
 * queued first and always wins, so the bug never shows; Frontier promises only per-pair order, and
 * when the query arrives first the payee reports its old balance and a payment it can cover is
 * rejected.
 *
 * <p><b>The fix</b> ({@code fixed = true}): the <em>payee</em> confirms ({@link Deposited}) after it has
 * credited the money. The auditor's next query is sent after that confirmation, so it always sees
 * the money, whatever the order of deliveries.
 */
public final class Bank {

    /** A payment request, sent to the auditor. */
    public record Pay(String from, String to, int amount) {
    }

    /** Auditor to an account: what is your balance? */
    public record GetBalance() {
    }

    /** An account's answer. */
    public record Balance(String account, int amount) {
    }

    /** Auditor to the payer: take {@code amount} out and deposit it with {@code to}. */
    public record Withdraw(int amount, String to) {
    }

    /** Payer to payee: the money. */
    public record Deposit(int amount) {
    }

    /** Payer to auditor (the buggy protocol): withdrawn and sent on. */
    public record Withdrawn(String account, int amount) {
    }

    /** Payee to auditor (the fixed protocol): credited. */
    public record Deposited(String account, int amount) {
    }

    /** What the test sees: balances, and the payments the auditor completed or rejected. Not threadsafe. */
    public static final class Ledger {
        /** Balances by account, in the order opened. */
        public final Map<String, Integer> balances = new LinkedHashMap<>();
        public final List<Pay> completed = new ArrayList<>();
        public final List<String> rejected = new ArrayList<>();

        public int total() {
            return balances.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private Bank() {
    }

    /** Opens an account actor with an opening balance. */
    public static void account(ActorSystem system, Ledger ledger, String name, int opening, boolean fixed) {
        ledger.balances.put(name, opening);
        system.<Object>spawnHandler(name, (ctx, m) -> {
            int balance = ledger.balances.get(name);
            if (m instanceof GetBalance) {
                ctx.send(ctx.sender(), new Balance(name, balance));
            } else if (m instanceof Withdraw w) {
                ledger.balances.put(name, balance - w.amount());
                ctx.send(w.to(), new Deposit(w.amount()));
                if (!fixed) {
                    ctx.send("auditor", new Withdrawn(name, w.amount())); // BUG: the money is still on its way
                }
            } else if (m instanceof Deposit d) {
                ledger.balances.put(name, balance + d.amount());
                if (fixed) {
                    ctx.send("auditor", new Deposited(name, d.amount()));
                }
            } else {
                throw new IllegalArgumentException("account '" + name + "' does not understand " + m);
            }
        });
    }

    /** The auditor: one payment at a time, check then act, then wait for the confirmation. */
    public static void auditor(ActorSystem system, Ledger ledger, boolean fixed) {
        system.spawn("auditor", (ActorContext<Object> ctx) -> {
            while (true) {
                Pay p = ctx.receive(Pay.class);
                ctx.send(p.from(), new GetBalance());
                Balance b = ctx.receive(Balance.class); // check
                if (b.amount() < p.amount()) {
                    ledger.rejected.add(p + ": " + p.from() + " reported " + b.amount());
                    continue;
                }
                ctx.send(p.from(), new Withdraw(p.amount(), p.to())); // act
                if (fixed) {
                    ctx.receive(Deposited.class);
                } else {
                    ctx.receive(Withdrawn.class);
                }
                ledger.completed.add(p);
            }
        });
    }

    /**
     * The example's bank: alice opens with 100, bob and carol with 0; alice pays bob 60, then bob
     * pays carol 50 (he can: he has 60 by then). Returns the ledger to check.
     */
    public static Ledger open(ActorSystem system, boolean fixed) {
        Ledger ledger = new Ledger();
        account(system, ledger, "alice", 100, fixed);
        account(system, ledger, "bob", 0, fixed);
        account(system, ledger, "carol", 0, fixed);
        auditor(system, ledger, fixed);
        system.send("auditor", new Pay("alice", "bob", 60));
        system.send("auditor", new Pay("bob", "carol", 50));
        return ledger;
    }
}
