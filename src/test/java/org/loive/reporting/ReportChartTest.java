package org.loive.reporting;

import org.junit.jupiter.api.Test;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ReportChartTest {

	private final SmallCellReport report = new SmallCells(5).publish(ExportSamples.report(), true);

	@Test
	void theSvgNamesTheChartAndDrawsTheVietnameseLabels() throws Exception {
		SmallCellReport.Table services = report.tables().get(2);

		String svg = ReportChart.svg(services, "Ô bị ẩn không được vẽ.");

		Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new InputSource(new StringReader(svg))).getDocumentElement();
		assertThat(root.getAttribute("role")).isEqualTo("img");
		assertThat(root.getAttribute("aria-label")).isEqualTo("Dịch vụ hỗ trợ theo mã dịch vụ");
		assertThat(root.getAttribute("viewBox")).isEqualTo("0.0 0.0 640.0 " + ReportChart.height(services) + ".0");
		assertThat(root.hasAttribute("width")).as("scales to its container").isFalse();
		assertThat(root.getTextContent()).contains("a. Nhu cầu thiết yếu", "Được tiếp nhận", "Ô bị ẩn không được vẽ.");
		assertThat(svg).contains("font-family: \"Be Vietnam Pro\"");
	}

	@Test
	void thePngIsTheSameChartAtTheSizeAsked() throws IOException {
		SmallCellReport.Table services = report.tables().get(2);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(ReportChart.png(services, "", 480, 2)));

		assertThat(image.getWidth()).isEqualTo(2 * 480);
		assertThat(image.getHeight()).isEqualTo(2 * ReportChart.height(services));
	}

	@Test
	void aTableMostlyHiddenGetsNoChart() {
		assertThat(ReportChart.drawable(report.tables().get(0))).isFalse();
		assertThat(ReportChart.drawable(report.tables().get(1))).isTrue();
		assertThat(ReportChart.drawable(new SmallCells(5).publish(ExportSamples.report(), false).tables().get(0))).isTrue();
	}
}
