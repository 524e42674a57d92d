package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The enrolment's QR code, read back the way a phone's camera would: it must carry the otpauth URI exactly. */
class QrSvgTest {

	@Test
	void theSvgReadsBackAsTheOtpauthUri() throws Exception {
		String uri = "otpauth://totp/Kefu:%E5%BC%A0%E4%BC%9F?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Kefu"
				+ "&algorithm=SHA1&digits=6&period=30";
		String svg = QrSvg.of(uri);

		Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(box.find()).isTrue();
		int size = Integer.parseInt(box.group(1));
		int scale = 4;
		int[] pixels = new int[size * scale * size * scale];
		Arrays.fill(pixels, 0xffffffff);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			int x = Integer.parseInt(module.group(1));
			int y = Integer.parseInt(module.group(2));
			for (int dy = 0; dy < scale; dy++) {
				for (int dx = 0; dx < scale; dx++) {
					pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0xff000000;
				}
			}
		}
		BinaryBitmap image = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(size * scale, size * scale, pixels)));

		assertThat(new QRCodeReader().decode(image).getText()).isEqualTo(uri);
	}
}
