package dev.kefu.channel.wecom;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;

/**
 * WxJava's configuration of one channel, with the access token in the database ({@link WecomAccessTokens}) instead of
 * in this node's memory. WxJava fetches a token when this says it has none, under {@link #getAccessTokenLock()}; on
 * 40014/42001 it calls {@link #expireAccessToken()} and tries once more with a new one.
 */
class SharedTokenStorage extends WxCpDefaultConfigImpl {

	/** How long a node waits for another to fetch the token before it fetches one itself. */
	private static final Duration WAIT_FOR_OTHER = Duration.ofSeconds(10);

	private final transient WecomAccessTokens tokens;
	private final UUID channel;
	private final String credentials;
	private volatile @Nullable String used;

	SharedTokenStorage(WecomAccessTokens tokens, UUID channel, String corpId, String secret) {
		this.tokens = tokens;
		this.channel = channel;
		this.credentials = WecomAccessTokens.credentials(corpId, secret);
		setCorpId(corpId);
		setCorpSecret(secret);
	}

	@Override
	public String getAccessToken() {
		String token = tokens.fresh(channel, credentials).orElse(null);
		used = token;
		return token;
	}

	@Override
	public boolean isAccessTokenExpired() {
		return tokens.fresh(channel, credentials).isEmpty();
	}

	@Override
	public void expireAccessToken() {
		String token = used;
		if (token != null) {
			tokens.expire(channel, token);
		}
	}

	@Override
	public synchronized void updateAccessToken(WxAccessToken accessToken) {
		updateAccessToken(accessToken.getAccessToken(), accessToken.getExpiresIn());
	}

	@Override
	public synchronized void updateAccessToken(String accessToken, int expiresInSeconds) {
		tokens.store(channel, credentials, accessToken, expiresInSeconds);
	}

	@Override
	public Lock getAccessTokenLock() {
		return new RefreshLease();
	}

	/**
	 * The right to fetch the channel's token, across nodes. Whoever cannot take it waits until the holder has stored
	 * a token (WxJava then finds it fresh and fetches nothing) or, if the holder seems gone, fetches one itself:
	 * WeCom answers a repeated fetch within a token's life with the same token, so that does no harm.
	 */
	private final class RefreshLease implements Lock {

		private boolean held;

		@Override
		public void lock() {
			Instant giveUp = Instant.now().plus(WAIT_FOR_OTHER);
			while (!(held = tokens.takeRefresh(channel, credentials))) {
				if (!isAccessTokenExpired() || Instant.now().isAfter(giveUp)) {
					return;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		@Override
		public void unlock() {
			if (held) {
				held = false;
				tokens.releaseRefresh(channel);
			}
		}

		@Override
		public void lockInterruptibly() {
			lock();
		}

		@Override
		public boolean tryLock() {
			return held = tokens.takeRefresh(channel, credentials);
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) {
			return tryLock();
		}

		@Override
		public Condition newCondition() {
			throw new UnsupportedOperationException("WxJava does not wait on token conditions");
		}
	}
}
