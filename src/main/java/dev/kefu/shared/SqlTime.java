package dev.kefu.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Instants to and from TIMESTAMP WITH TIME ZONE columns. Both H2 and the PostgreSQL driver speak OffsetDateTime,
 * only H2 speaks Instant, so every module binds through here.
 */
public final class SqlTime {

	private SqlTime() {
	}

	public static @Nullable OffsetDateTime of(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
