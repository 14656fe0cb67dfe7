package dev.skipgram.cli;

import dev.skipgram.WordVectors;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skipgram plot}: words as labelled points in the plane of their two main directions. */
@Command(name = "plot",
        header = "Draw words as labelled points in 2-D (PNG).",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Draws words as labelled points in two dimensions and writes a PNG: their vectors, centred, projected"
                + " on the top two singular vectors of the words' matrix (the two directions along which these"
                + " words vary most; the CS224n picture). Each axis label says how much of the words' variance it"
                + " shows.",
            "For example: skipgram plot vectors.bin paris france tokyo japan rome italy --out capitals.png"})
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VectorInput input;

    // arity 1..*, not 2..*: a single word gets the message below rather than picocli's about parameter indexes
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "WORD", description = "The words to draw, at least two.")
    List<String> words;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "plot.png",
            description = "The PNG file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "900", description = "Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "700", description = "Default: ${DEFAULT-VALUE}.")
    int height;

    @Option(names = "--title", paramLabel = "TEXT", description = "The title (default: the file and the words' count).")
    String title;

    @Override
    public Integer call() throws IOException {
        if (width < 200 || height < 150 || width > 10_000 || height > 10_000) {
            throw new ParameterException(spec.commandLine(), "the picture must be 200 x 150 to 10,000 x 10,000 pixels,"
                    + " got " + width + " x " + height);
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(words));
        if (distinct.size() < 2) {
            throw new ParameterException(spec.commandLine(), "a plot needs at least two "
                    + (words.size() < 2 ? "words" : "different words") + "; got " + words.size() + " ("
                    + String.join(", ", words) + ")");
        }
        TrainCommand.prepareOutput("--out", output);
        WordVectors vectors = input.loadKnowing(distinct);
        String heading = title != null ? title : String.format(Locale.ROOT, "%d words from %s (d = %d)",
                distinct.size(), input.file.getFileName(), vectors.dimension());
        draw(vectors, distinct, heading, width, height, output);
        spec.commandLine().getOut().println("Wrote " + output + " (" + width + " x " + height + ", " + distinct.size()
                + " words).");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Projects the words' vectors on their top two singular vectors and writes the picture.
     *
     * @param vectors the vectors; every word must be in their vocabulary
     * @return the projection drawn
     */
    static Projection draw(WordVectors vectors, List<String> words, String title, int width, int height, Path output)
            throws IOException {
        double[][] points = new double[words.size()][];
        for (int i = 0; i < points.length; i++) {
            INDArray v = vectors.vector(words.get(i)).castTo(DataType.DOUBLE);
            points[i] = v.data().asDouble();
        }
        Projection p = Projection.of(points);
        BufferedImage image = ScatterPlot.render(words, p.x(), p.y(), title,
                String.format(Locale.ROOT, "singular vector 1 (%.0f%% of the variance)", 100 * p.explained()[0]),
                String.format(Locale.ROOT, "singular vector 2 (%.0f%% of the variance)", 100 * p.explained()[1]),
                width, height);
        ScatterPlot.writePng(image, output);
        return p;
    }
}
