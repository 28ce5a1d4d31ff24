package io.cloudsword.gateway.web;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import io.cloudsword.api.verification.v1.IssuedCode;

/**
 * Printable sheets of QR labels: each label is the QR code of one code's Digital Link URI (ZXing
 * does the encoding) with the serial under it as text a person can read and type. Sheets are a
 * grid of {@link #COLUMNS} labels per row; SVG for print shops (vector, millimetres), PNG for
 * everything else.
 */
public final class QrLabels {

    /** Labels per sheet: a sheet is rendered in memory, so one request makes at most this many. */
    public static final int MAX_PER_SHEET = 100;
    static final int COLUMNS = 10;
    /** GS1 recommends at least M for product marking: 15 % of the symbol may be damaged. */
    static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    /** The quiet zone every QR reader needs around the symbol, in modules. */
    static final int QUIET_ZONE = 4;

    // SVG geometry in millimetres: a 30 x 36 mm cell, the symbol 26 mm wide, the serial below it
    private static final double CELL_W = 30;
    private static final double CELL_H = 36;
    private static final double SYMBOL = 26;
    private static final double TEXT_MM = 2.2;

    // PNG geometry in pixels
    private static final int MODULE_PX = 5;
    private static final int PNG_PAD = 10;
    private static final int PNG_TEXT_PX = 18;

    private QrLabels() {
    }

    /** The QR symbol of {@code content}, without its quiet zone. */
    static ByteMatrix symbol(String content) {
        try {
            return Encoder.encode(content, LEVEL, Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()))
                    .getMatrix();
        } catch (WriterException e) {
            // a Digital Link is at most 2,048 characters, well within a QR code's capacity
            throw new IllegalArgumentException("Cannot encode a QR code for " + content, e);
        }
    }

    public static byte[] svg(List<IssuedCode> codes) {
        int rows = Math.max(1, (codes.size() + COLUMNS - 1) / COLUMNS);
        double width = CELL_W * Math.min(Math.max(codes.size(), 1), COLUMNS);
        double height = CELL_H * rows;
        StringBuilder svg = new StringBuilder(codes.size() * 6000 + 512);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(mm(width)).append("mm\" height=\"")
                .append(mm(height)).append("mm\" viewBox=\"0 0 ").append(mm(width)).append(' ').append(mm(height))
                .append("\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        for (int i = 0; i < codes.size(); i++) {
            IssuedCode code = codes.get(i);
            ByteMatrix m = symbol(code.getDigitalLink());
            int modules = m.getWidth() + 2 * QUIET_ZONE;
            double scale = SYMBOL / modules;
            double x = (i % COLUMNS) * CELL_W + (CELL_W - SYMBOL) / 2;
            double y = (i / COLUMNS) * CELL_H + 1;
            svg.append("<g id=\"code-").append(code.getIndex()).append("\">\n<path transform=\"translate(")
                    .append(mm(x)).append(' ').append(mm(y)).append(") scale(").append(mm6(scale))
                    .append(")\" fill=\"#000\" shape-rendering=\"crispEdges\" d=\"");
            // one horizontal run of dark modules per subpath keeps the file small
            for (int r = 0; r < m.getHeight(); r++) {
                int c = 0;
                while (c < m.getWidth()) {
                    if (m.get(c, r) != 1) {
                        c++;
                        continue;
                    }
                    int run = c;
                    while (run < m.getWidth() && m.get(run, r) == 1) {
                        run++;
                    }
                    svg.append('M').append(c + QUIET_ZONE).append(' ').append(r + QUIET_ZONE).append('h')
                            .append(run - c).append("v1h-").append(run - c).append('z');
                    c = run;
                }
            }
            svg.append("\"/>\n<text x=\"").append(mm(x + SYMBOL / 2)).append("\" y=\"").append(mm(y + SYMBOL + 3.5))
                    .append("\" font-family=\"monospace\" font-size=\"").append(mm(TEXT_MM))
                    .append("\" text-anchor=\"middle\">").append(Html.escape(code.getSerial())).append("</text>\n</g>\n");
        }
        return svg.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png(List<IssuedCode> codes) {
        // every code of a batch has the same length, so the first symbol sizes the cells
        int modules = codes.isEmpty() ? 21 : symbol(codes.get(0).getDigitalLink()).getWidth();
        int symbolPx = (modules + 2 * QUIET_ZONE) * MODULE_PX;
        int cellW = symbolPx + 2 * PNG_PAD;
        int cellH = symbolPx + PNG_TEXT_PX + 3 * PNG_PAD;
        int columns = Math.min(Math.max(codes.size(), 1), COLUMNS);
        int rows = Math.max(1, (codes.size() + COLUMNS - 1) / COLUMNS);
        BufferedImage image = new BufferedImage(columns * cellW, rows * cellH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, PNG_TEXT_PX));
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < codes.size(); i++) {
                IssuedCode code = codes.get(i);
                ByteMatrix m = symbol(code.getDigitalLink());
                int size = (m.getWidth() + 2 * QUIET_ZONE) * MODULE_PX;
                int x = (i % COLUMNS) * cellW + (cellW - size) / 2;
                int y = (i / COLUMNS) * cellH + PNG_PAD;
                g.setColor(Color.BLACK);
                for (int r = 0; r < m.getHeight(); r++) {
                    for (int c = 0; c < m.getWidth(); c++) {
                        if (m.get(c, r) == 1) {
                            g.fillRect(x + (c + QUIET_ZONE) * MODULE_PX, y + (r + QUIET_ZONE) * MODULE_PX, MODULE_PX,
                                    MODULE_PX);
                        }
                    }
                }
                String serial = code.getSerial();
                int textX = (i % COLUMNS) * cellW + (cellW - metrics.stringWidth(serial)) / 2;
                g.drawString(serial, Math.max(textX, (i % COLUMNS) * cellW + 2), y + size + PNG_PAD + metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mm6(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
