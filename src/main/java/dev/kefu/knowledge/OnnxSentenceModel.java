package dev.kefu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * One of langchain4j's bundled bge-small models, run on one thread per question with no spinning. ONNX Runtime's
 * default spreads each question over every core and keeps its idle threads spinning: on a 2-core node that is
 * busy with chats, that made a question's embedding 2.5 times slower at the median and at p99 than one thread that
 * sleeps when idle (docs/benchmarks.md, "Assistant latency"). A sentence of a few dozen tokens gains nothing from
 * more threads.
 */
final class OnnxSentenceModel extends AbstractInProcessEmbeddingModel {

	private final OnnxBertBiEncoder encoder;
	private final int dimension;

	/**
	 * Batches (training, never a customer's question) are spread over all cores but one, which stays free for live
	 * chats: on a 2-core node a 10,000-entry import is learned on one core.
	 */
	private static final Executor BATCHES = Executors.newFixedThreadPool(
			Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
			Thread.ofPlatform().name("embedding-", 0).daemon().factory());

	private OnnxSentenceModel(Class<?> bundle, String model, String tokenizer, int dimension) {
		super(BATCHES);
		this.dimension = dimension;
		try (InputStream onnx = resource(bundle, model); InputStream vocabulary = resource(bundle, tokenizer)) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.addConfigEntry("session.inter_op.allow_spinning", "0");
			this.encoder = new OnnxBertBiEncoder(environment, environment.createSession(onnx.readAllBytes(), options),
					vocabulary, PoolingMode.CLS);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (OrtException e) {
			throw new IllegalStateException("Could not load the embedding model " + model, e);
		}
	}

	/** bge-small-zh v1.5, quantized (512 dimensions). */
	static OnnxSentenceModel chinese() {
		return new OnnxSentenceModel(BgeSmallZhV15QuantizedEmbeddingModel.class, "bge-small-zh-v1.5-q.onnx",
				"bge-small-zh-v1.5-q-tokenizer.json", 512);
	}

	/** bge-small-en v1.5, quantized (384 dimensions). */
	static OnnxSentenceModel english() {
		return new OnnxSentenceModel(BgeSmallEnV15QuantizedEmbeddingModel.class, "bge-small-en-v1.5-q.onnx",
				"bge-small-en-v1.5-q-tokenizer.json", 384);
	}

	private static InputStream resource(Class<?> bundle, String name) {
		InputStream stream = bundle.getResourceAsStream("/" + name);
		if (stream == null) {
			throw new IllegalStateException("The embedding model's file " + name + " is not on the class path");
		}
		return stream;
	}

	@Override
	protected OnnxBertBiEncoder model() {
		return encoder;
	}

	@Override
	protected Integer knownDimension() {
		return dimension;
	}
}
