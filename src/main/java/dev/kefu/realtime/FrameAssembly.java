package dev.kefu.realtime;

import org.jspecify.annotations.Nullable;

/**
 * Joins the pieces of one WebSocket text frame. The container hands over frames in small pieces so that it can keep
 * a small buffer per connection (an idle connection then costs little heap); only a connection in the middle of a
 * large frame holds a larger buffer here, and only until the frame is complete.
 */
final class FrameAssembly {

	private final int maxChars;
	private @Nullable StringBuilder partial;

	FrameAssembly(int maxChars) {
		this.maxChars = maxChars;
	}

	/** Thrown when a frame grows past the limit; the connection is then closed as the protocol says (1009). */
	static final class FrameTooLarge extends Exception {

		FrameTooLarge() {
			super(null, null, false, false);
		}
	}

	/** The whole frame once its last piece arrived, otherwise null. */
	@Nullable String add(String piece, boolean last) throws FrameTooLarge {
		if (partial == null) {
			if (last) {
				return checked(piece);
			}
			partial = new StringBuilder(Math.min(maxChars, piece.length() * 4));
		}
		if (partial.length() + piece.length() > maxChars) {
			partial = null;
			throw new FrameTooLarge();
		}
		partial.append(piece);
		if (!last) {
			return null;
		}
		String frame = partial.toString();
		partial = null;
		return frame;
	}

	private String checked(String frame) throws FrameTooLarge {
		if (frame.length() > maxChars) {
			throw new FrameTooLarge();
		}
		return frame;
	}
}
