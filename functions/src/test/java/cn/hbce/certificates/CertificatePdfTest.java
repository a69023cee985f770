package cn.hbce.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The certificate PDF as a reader (and a phone's camera) sees it. */
class CertificatePdfTest {
    static final String VERIFY_URL = "https://hbce.example.cn/verify/K7MZ3QW9TXPA";

    static Certificate certificate() {
        return new Certificate("c_pdf", "p_pdf", 2026, CertificateStatus.VALID, "HBCE-2026-000123", 123, "K7MZ3QW9TXPA",
                "欧阳晓明", "4201**********1234", "o_unit", "武汉市第一医院", "/o_root/o_unit/", 30, 62.5,
                "湖北省人力资源和社会保障厅", Instant.parse("2026-11-30T02:00:00Z"), null, 1);
    }

    @Test
    void anA4PageWithTheHoldersFactsInChineseTextThatCanBeExtracted() throws Exception {
        byte[] pdf = CertificatePdf.render(certificate(), VERIFY_URL);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.1);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.1);
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("欧阳晓明", "4201**********1234", "武汉市第一医院", "2026", "HBCE-2026-000123",
                    "公需科目：30 学时", "专业科目：62.5 学时", "合计学时：92.5 学时", "湖北省人力资源和社会保障厅",
                    "2026年11月30日", "K7MZ3QW9TXPA")) {
                assertTrue(text.contains(expected), () -> "missing " + expected + " in:\n" + text);
            }
            assertFalse(text.contains("420102"), "no full ID number");
        }
    }

    @Test
    void theChineseFontIsEmbeddedAsASubsetAndThePdfStaysSmall() throws Exception {
        byte[] pdf = CertificatePdf.render(certificate(), VERIFY_URL);
        assertTrue(pdf.length < 100_000, () -> "a subset keeps the PDF small, not the 10 MB font: " + pdf.length);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<String> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.add(font.getName());
                assertTrue(font instanceof PDType0Font, font.getName());
                assertTrue(font.isEmbedded(), font.getName());
                assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC.*"), () -> "a subset's name has a tag: " + font.getName());
            }
            assertEquals(1, fonts.size(), fonts::toString);
        }
    }

    @Test
    void theQrCodeCarriesTheVerificationUrl() throws Exception {
        byte[] pdf = CertificatePdf.render(certificate(), VERIFY_URL);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
            assertEquals(VERIFY_URL, new QRCodeReader().decode(bitmap).getText());
        }
    }

    @Test
    void hoursArePrintedWithoutATrailingZero() {
        assertEquals("30", CertificatePdf.hours(30.0));
        assertEquals("12.5", CertificatePdf.hours(12.5));
    }
}
