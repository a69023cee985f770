package cn.hbce.certificates;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The certificate as an A4 PDF, drawn with PDFBox: the holder's name, masked ID number, unit, year,
 * hours by category, the number, issuer, date, the verification code and a QR code of the public
 * verification URL (drawn as vector squares, so it stays sharp in print). The Chinese text is set in
 * Noto Sans SC Regular (SIL Open Font License 1.1, licence beside the font in the jar), embedded as
 * a subset of the glyphs used: a few KB per PDF instead of the 10 MB font. The parsed font is
 * kept for the container (parsing it is most of a cold render) and each document subsets it anew;
 * a parsed font reads its glyphs from one shared buffer, so renders take turns (a Lambda container
 * serves one request at a time anyway; the lock matters only to the local devserver).
 */
public final class CertificatePdf {
    static final String FONT = "/cn/hbce/certificates/font/400Regular/NotoSansSC_400Regular.ttf";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static TrueTypeFont font;

    private CertificatePdf() {
    }

    /** The PDF bytes of {@code c}, its QR code pointing at {@code verifyUrl}. */
    public static synchronized byte[] render(Certificate c, String verifyUrl) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("继续教育电子证书 " + c.certificateNo());
            info.setCreator("湖北省专业技术人员继续教育公共服务平台");
            PDType0Font font = PDType0Font.load(doc, font(), true);
            float width = page.getMediaBox().getWidth();
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                out.setLineWidth(2f);
                out.addRect(36, 36, width - 72, height - 72);
                out.stroke();
                out.setLineWidth(0.6f);
                out.addRect(44, 44, width - 88, height - 88);
                out.stroke();
                centered(out, font, 26, width, height - 130, "专业技术人员继续教育证书");
                centered(out, font, 11, width, height - 155, "湖北省专业技术人员继续教育公共服务平台");
                float y = height - 220;
                float left = 90;
                String[][] rows = {
                        {"姓　　名", c.name()},
                        {"身份证号", c.idCardMasked()},
                        {"工作单位", c.unitName()},
                        {"年　　度", c.year() + " 年"},
                        {"公需科目", hours(c.publicHours()) + " 学时"},
                        {"专业科目", hours(c.professionalHours()) + " 学时"},
                        {"合计学时", hours(c.totalHours()) + " 学时"},
                };
                for (String[] row : rows) {
                    text(out, font, 14, left, y, row[0] + "：" + row[1]);
                    y -= 30;
                }
                y -= 10;
                text(out, font, 13, left, y, "经审核，该同志 " + c.year() + " 年度继续教育学时已达到规定要求，特发此证。");
                y -= 50;
                text(out, font, 12, left, y, "证书编号：" + c.certificateNo());
                text(out, font, 12, left, y - 24, "验 证 码：" + c.verifyCode());
                text(out, font, 12, left, y - 48, "颁发机构：" + c.issuer());
                text(out, font, 12, left, y - 72, "颁发日期：" + DATE.format(c.issuedAt().atZone(CHINA)));
                float qrSize = 120;
                float qrX = width - 90 - qrSize;
                float qrY = 90;
                qr(out, verifyUrl, qrX, qrY, qrSize);
                text(out, font, 10, qrX + 14, qrY - 16, "扫码验证证书真伪");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hours as printed: 30, 12.5 — never 30.0. */
    static String hours(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String s)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(s);
        out.endText();
    }

    private static void centered(PDPageContentStream out, PDType0Font font, float size, float pageWidth, float y, String s)
            throws IOException {
        float w = font.getStringWidth(s) / 1000 * size;
        text(out, font, size, (pageWidth - w) / 2, y, s);
    }

    private static void qr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("The verification URL does not fit a QR code", e);
        }
        float module = size / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    /** The font, parsed on the first render of the container and kept (never closed: documents only subset it). */
    private static TrueTypeFont font() throws IOException {
        if (font == null) {
            try (InputStream in = CertificatePdf.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("The certificate font is missing from the jar: " + FONT);
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
            }
        }
        return font;
    }
}
