package dev.kefu.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.testing.ServerTest;

/**
 * A channel's access token is shared by all nodes through the database: however many nodes need one at once, WeChat
 * is asked once; a token WeChat calls expired is replaced once. Two {@link AccessTokens} on one database stand for
 * two nodes.
 */
@ServerTest
class AccessTokensTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WechatApi api;

	@Autowired
	Clock clock;

	FakeWechat wechat;
	WechatSettings settings;
	UUID channel = UUID.randomUUID();

	@BeforeEach
	void wechat() throws Exception {
		wechat = new FakeWechat("wx0123456789abcdef", "the-secret");
		settings = new WechatSettings("wx0123456789abcdef", "the-secret", "token123", null, null, null,
				wechat.baseUrl());
	}

	@AfterEach
	void stop() {
		wechat.close();
	}

	@Test
	void nodesNeedingATokenAtOnceAskWechatOnceAndShareIt() throws Exception {
		AccessTokens node1 = new AccessTokens(jdbc, api, clock);
		AccessTokens node2 = new AccessTokens(jdbc, api, clock);
		List<Callable<String>> callers = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			AccessTokens node = i % 2 == 0 ? node1 : node2;
			callers.add(() -> node.current(channel, settings));
		}

		List<String> tokens;
		try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
			tokens = pool.invokeAll(callers).stream().map(Future::resultNow).toList();
		}

		assertThat(wechat.tokensIssued()).isEqualTo(1);
		assertThat(tokens).containsOnly("ACCESS_TOKEN_1");
		assertThat(node2.current(channel, settings)).isEqualTo("ACCESS_TOKEN_1");
	}

	@Test
	void aTokenWechatCallsExpiredIsReplacedOnceEvenWhenBothNodesHeardIt() throws Exception {
		AccessTokens node1 = new AccessTokens(jdbc, api, clock);
		AccessTokens node2 = new AccessTokens(jdbc, api, clock);
		String first = node1.current(channel, settings);

		node1.expired(channel, first);
		String renewed = node1.current(channel, settings);
		node2.expired(channel, first);

		assertThat(renewed).isEqualTo("ACCESS_TOKEN_2");
		assertThat(node2.current(channel, settings)).isEqualTo("ACCESS_TOKEN_2");
		assertThat(wechat.tokensIssued()).isEqualTo(2);
	}

	@Test
	void aRefusedSecretIsWechatsOwnWordsAndLeavesNoLeaseBehind() throws Exception {
		AccessTokens node = new AccessTokens(jdbc, api, clock);
		WechatSettings wrong = new WechatSettings(settings.appId(), "not-the-secret", "token123", null, null, null,
				wechat.baseUrl());

		assertThatThrownBy(() -> node.current(channel, wrong)).isInstanceOf(WechatError.class)
			.hasMessage("WeChat refused cgi-bin/token: errcode 40125, errmsg invalid appsecret");
		assertThat(node.current(channel, settings)).isEqualTo("ACCESS_TOKEN_1");
	}
}
