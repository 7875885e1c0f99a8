package ba.refnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where and on what a run was measured: the results file says it first. */
record Machine(String date, String host, String cpu, int cores, long memoryMb, String commit, String jvm) {

    static Machine describe(Path root) throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        long memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
        Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty").start();
        String commit = PlatformBenchmark.read(git);
        git.waitFor();
        return new Machine(PlatformBenchmark.now(), java.net.InetAddress.getLocalHost().getHostName(), cpu,
                Runtime.getRuntime().availableProcessors(), memory, commit.isEmpty() ? "unknown" : commit,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }
}
