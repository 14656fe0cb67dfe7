package dev.skipgram.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheGivenSize() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path png = Files.createDirectory(dir.resolve("sub")).resolve("words.png");
        Cli.Result r = Cli.run("plot", v.toString(), "paris", "france", "berlin", "germany", "--out", png.toString(),
                "--width", "640", "--height", "480", "--title", "four words");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Wrote " + png + " (640 x 480, 4 words)"), r.out());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        // something is drawn: white background, some dark (text) and some blue (points) pixels
        int dark = 0;
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int red = rgb >> 16;
                int green = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (red < 60 && green < 60 && b < 60) {
                    dark++;
                }
                if (b > 150 && red < 80) {
                    blue++;
                }
            }
        }
        assertTrue(dark > 150, dark + " dark pixels");
        assertTrue(blue > 4 * 20, blue + " blue pixels"); // four dots of radius >= 3
        assertEquals(0xffffff, image.getRGB(1, 1) & 0xffffff, "white background");
    }

    @Test
    void theDefaultSizeAndAnUnknownWord() throws IOException {
        Path v = ErrorsTest.vectors(dir);
        Path png = dir.resolve("p.png");
        assertEquals(0, Cli.run("plot", v.toString(), "paris", "parts", "--out", png.toString()).code());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(700, image.getHeight());
        Cli.Result r = Cli.run("plot", v.toString(), "paris", "pariss", "--out", png.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("did you mean paris"), r.err());
    }
}
