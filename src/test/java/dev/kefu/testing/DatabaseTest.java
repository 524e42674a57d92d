package dev.kefu.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that starts its own Kefu nodes (on a {@link SharedDatabase}) rather than using a {@link ServerTest}'s; run
 * on H2 and again on PostgreSQL, skipped there with the reason when PostgreSQL is absent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(PostgresAvailable.class)
public @interface DatabaseTest {
}
