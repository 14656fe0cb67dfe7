package dev.skipgram.cli;

import dev.skipgram.io.AtomicFile;
import dev.skipgram.checkpoint.CheckpointStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The command line's rules for a checkpoint directory: without {@code --resume} it must hold no
 * checkpoint (so two runs are never mixed by accident), with {@code --resume} it must hold one, and
 * the settings of the run that wrote it (kept in {@value #SETTINGS}, under the library's setting names,
 * {@link dev.skipgram.SkipGramConfig#runSettings()}) must match this run's.
 */
final class Checkpoints {

    /** The file, next to the checkpoints, that records the settings of the run that wrote them. */
    static final String SETTINGS = "skipgram-run.properties";

    private Checkpoints() {}

    /**
     * Checks the directory before training, creates it if missing (its parent must exist), and records
     * this run's settings in it.
     *
     * @param directory the checkpoint directory
     * @param resume whether {@code --resume} was given
     * @param settings the settings that must match on resume (setting name → value, as
     *     {@link dev.skipgram.SkipGramConfig#toProperties()} writes them, and the command's input file)
     * @return whether training resumes from a checkpoint
     * @throws UserError if the directory is not in the state {@code resume} asks for, the settings
     *     differ, or it cannot be created or written
     */
    static boolean prepare(Path directory, boolean resume, Map<String, String> settings) {
        Objects.requireNonNull(directory, "directory");
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserError("--checkpoint-dir " + directory + " is a file, not a directory");
        }
        boolean holds = !new CheckpointStore(directory, 1).listNewestFirst().isEmpty();
        if (holds && !resume) {
            throw new UserError(directory + " holds a checkpoint from an earlier run; pass --resume to continue it"
                    + " or choose an empty directory");
        }
        if (!holds && resume) {
            throw new UserError("--resume: " + directory + " holds no checkpoint to resume from");
        }
        Path file = directory.resolve(SETTINGS);
        try {
            if (holds && Files.exists(file)) {
                Properties earlier = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    earlier.load(in);
                }
                List<String> differences = new ArrayList<>();
                for (Map.Entry<String, String> e : new TreeMap<>(settings).entrySet()) {
                    String before = earlier.getProperty(e.getKey());
                    if (before != null && !before.equals(e.getValue())) {
                        differences.add(Settings.flag(e.getKey()) + " " + Settings.value(e.getKey(), before)
                                + " (now " + Settings.value(e.getKey(), e.getValue()) + ")");
                    }
                }
                if (!differences.isEmpty()) {
                    throw new UserError("the checkpoint in " + directory + " comes from a run with "
                            + String.join(", ", differences) + "; use the same settings to resume it");
                }
            }
            try {
                // the library's rule: the directory is created if missing, as mkdir does, not its parent
                new CheckpointStore(directory, 1).requireWritable();
            } catch (UncheckedIOException e) {
                throw new UserError("--checkpoint-dir " + directory + ": " + e.getCause().getMessage(), e);
            }
            Properties now = new Properties();
            now.putAll(settings);
            AtomicFile.write(file, out -> now.store(out,
                    "settings of the skipgram run whose checkpoints are in this directory"));
        } catch (IOException e) {
            throw new UserError("cannot use checkpoint directory " + directory + ": " + Main.describe(e), e);
        }
        return holds;
    }
}
