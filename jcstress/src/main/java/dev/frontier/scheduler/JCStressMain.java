package dev.frontier.scheduler;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs jcstress ({@code org.openjdk.jcstress.Main}) with the one JVM flag every forked test VM
 * needs: generator actors run on {@code jdk.internal.vm.Continuation}, so each fork gets
 * {@code --add-exports=java.base/jdk.internal.vm=ALL-UNNAMED} prepended to its arguments (and
 * {@code --enable-native-access=ALL-UNNAMED}, which quiets the warning jcstress's JNA prints).
 * Every jcstress option works as usual ({@code -m quick}, {@code -t REGEX}, {@code -h}).
 */
public final class JCStressMain {

    static final String FORK_FLAGS = "--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED";

    private JCStressMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-jvmArgsPrepend", FORK_FLAGS));
        all.addAll(List.of(args));
        org.openjdk.jcstress.Main.main(all.toArray(String[]::new));
    }
}
