package dev.kefu.security;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A QR code as a small SVG (one path of unit squares), drawn on the server so the page loads no QR library. */
final class QrSvg {

	private QrSvg() {
	}

	static String of(String text) {
		try {
			// Size 0: one unit per module, plus zxing's quiet zone of four.
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return """
					<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">\
					<rect width="100%%" height="100%%" fill="#fff"/><path fill="#000" d="%s"/></svg>"""
				.formatted(matrix.getWidth(), matrix.getHeight(), path);
		}
		catch (WriterException e) {
			throw new IllegalStateException("an otpauth URI always fits in a QR code", e);
		}
	}
}
