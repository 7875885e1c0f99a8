package ba.refnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time used by each component of the platform, read from /proc. Each component runs in a session of its own
 * (deploy/platform.sh starts it with setsid), so a component's CPU is that of every process in its session. The
 * PostgreSQL server detaches into a session of its own and each backend into another: its CPU is that of the server
 * process and its children.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    /** {@code reapedSeconds}: the CPU of its children that ended (PostgreSQL's closed backends). */
    record Process(long pid, long parent, long session, double cpuSeconds, double reapedSeconds) {
    }

    /** Every process alive now, with its CPU time (user + system) so far. */
    static List<Process> processes() throws IOException {
        List<Process> all = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // the command name may hold spaces: fields are counted after its closing parenthesis
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    all.add(new Process(Long.parseLong(p.getFileName().toString()), Long.parseLong(f[1]),
                            Long.parseLong(f[3]), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND,
                            (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read
                }
            });
        }
        return all;
    }

    /**
     * The CPU of a session and of a process tree (a pid, its children alive and those it reaped; -1 for none), so
     * that a backend closed during a load still counts.
     */
    static double cpuOf(List<Process> processes, long session, long treeRoot) {
        double sum = 0;
        for (Process p : processes) {
            if (p.session() == session || (treeRoot > 0 && (p.pid() == treeRoot || p.parent() == treeRoot))) {
                sum += p.cpuSeconds();
            }
            if (treeRoot > 0 && p.pid() == treeRoot) {
                sum += p.reapedSeconds();
            }
        }
        return sum;
    }

    /** Resident memory of one process in MB. */
    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K");

    /**
     * The class metadata of a JVM in MB: the metaspace it has committed (read with the JDK's jcmd beside the
     * benchmark's own java) and the resident part of the class-data archives it maps, where the classes it found in
     * an archive keep theirs; NaN when jcmd cannot attach. It is the part of a service's memory that grows with the
     * classes it loads.
     */
    static double classMetadataMb(long pid) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        java.lang.Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid),
                "VM.metaspace", "basic").redirectErrorStream(true).start();
        Matcher m = METASPACE.matcher(PlatformBenchmark.read(jcmd));
        jcmd.waitFor();
        if (!m.find()) {
            return Double.NaN;
        }
        long archivedKb = 0;
        boolean inArchive = false;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isDigit(line.charAt(0)) || Character.isLowerCase(line.charAt(0))) {
                inArchive = line.endsWith(".jsa"); // a mapping's header line: address range, ..., path
            } else if (inArchive && line.startsWith("Rss:")) {
                archivedKb += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return (Long.parseLong(m.group(1)) + archivedKb) / 1024.0;
    }

    private CpuMeter() {
    }
}
