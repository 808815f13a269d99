package org.loive.reporting;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Renders the official report with LibreOffice headless as Word would print it: DOCX → PDF (soffice), PDF →
 * PNG (pdftoppm), the pages side by side in target/docx-render/report-docx-vi.png (the screenshot kept in
 * docs/screenshots/). Skipped where LibreOffice is not installed, but not in CI, whose .ci/run installs it.
 */
class DocxRenderTest {

	private static final Path OUT = Path.of("target", "docx-render");

	@Test
	void theReportRendersWithItsVietnameseLettersAndLayout() throws Exception {
		if (!onPath("soffice") || !onPath("pdftoppm") || !onPath("pdftotext")) {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI renders the DOCX: soffice, pdftoppm and pdftotext must be installed (.ci/run)");
			}
			Assumptions.abort("LibreOffice or poppler-utils is not installed");
		}
		Files.createDirectories(OUT);
		try (Stream<Path> old = Files.list(OUT)) {
			for (Path page : old.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).toList()) {
				Files.delete(page);
			}
		}
		DocxReport docx = new DocxReport(new SmallCells(5), ExportSamples.messages());
		Path report = OUT.resolve("report-docx-vi.docx");
		Files.write(report, docx.render(ExportSamples.report(), ExportSamples.letterhead(), true, ExportSamples.VI));

		run("soffice", "-env:UserInstallation=" + OUT.toAbsolutePath().resolve("profile").toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", OUT.toString(), report.toString());
		Path pdf = OUT.resolve("report-docx-vi.pdf");
		run("pdftotext", "-layout", pdf.toString(), OUT.resolve("report-docx-vi.txt").toString());
		String text = Files.readString(OUT.resolve("report-docx-vi.txt"), StandardCharsets.UTF_8);
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
				"Quảng Ngãi, ngày 14 tháng 3 năm 2026", "Nơi nhận:", "(Ký, ghi rõ họ tên, đóng dấu)", "<5");

		run("pdftoppm", "-png", "-r", "70", pdf.toString(), OUT.resolve("page").toString());
		List<BufferedImage> pages = new ArrayList<>();
		try (Stream<Path> files = Files.list(OUT)) {
			for (Path page : files.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList()) {
				pages.add(ImageIO.read(page.toFile()));
			}
		}
		assertThat(pages).isNotEmpty();
		File screenshot = OUT.resolve("report-docx-vi.png").toFile();
		ImageIO.write(sideBySide(pages), "png", screenshot);
		assertThat(screenshot.length()).isGreaterThan(10_000);
	}

	private static BufferedImage sideBySide(List<BufferedImage> pages) {
		int gap = 16;
		int width = pages.stream().mapToInt(BufferedImage::getWidth).sum() + gap * (pages.size() + 1);
		int height = pages.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow() + 2 * gap;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(0xd9d9d9));
		graphics.fillRect(0, 0, width, height);
		int x = gap;
		for (BufferedImage page : pages) {
			graphics.drawImage(page, x, gap, null);
			x += page.getWidth() + gap;
		}
		graphics.dispose();
		return image;
	}

	private static boolean onPath(String command) {
		return Stream.of(System.getenv("PATH").split(File.pathSeparator))
			.anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(OUT.resolve("render.log").toFile()).start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail(command[0] + " did not finish");
		}
		assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
	}
}
