package dev.kefu.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Every event of one type published while a test runs, on any thread, as other modules would receive them. Contexts
 * are shared between tests, so close it when the test ends.
 */
public final class PublishedEvents<T> implements AutoCloseable {

	private final ConfigurableApplicationContext context;
	private final List<T> events = new CopyOnWriteArrayList<>();
	private final ApplicationListener<ApplicationEvent> recorder;

	private PublishedEvents(ApplicationContext context, Class<T> type) {
		this.context = (ConfigurableApplicationContext) context;
		this.recorder = event -> {
			if (event instanceof PayloadApplicationEvent<?> payload && type.isInstance(payload.getPayload())) {
				events.add(type.cast(payload.getPayload()));
			}
		};
		this.context.addApplicationListener(recorder);
	}

	public static <T> PublishedEvents<T> record(ApplicationContext context, Class<T> type) {
		return new PublishedEvents<>(context, type);
	}

	/** What has been published so far, oldest first. */
	public List<T> list() {
		return List.copyOf(events);
	}

	@Override
	public void close() {
		context.removeApplicationListener(recorder);
	}
}
