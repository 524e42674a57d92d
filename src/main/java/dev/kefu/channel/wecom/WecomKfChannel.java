package dev.kefu.channel.wecom;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelInstance;
import dev.kefu.channel.ChannelProvider;
import dev.kefu.channel.ConfigProperty;
import dev.kefu.channel.ConnectionCheck;
import dev.kefu.channel.Outbound;
import dev.kefu.shared.RequestRejected;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.kf.WxCpKfAccountListResp;

/**
 * WeCom customer service (微信客服): WeChat users write to one of the company's customer-service accounts
 * (open_kfid). WeCom calls the channel's callback ({@link WecomCallbackController}), Kefu reads the messages with
 * kf/sync_msg ({@link MessageSync}) and answers through the send queue ({@link Replies}).
 */
@Component
class WecomKfChannel implements ChannelProvider {

	static final String ID = "wecom-kf";

	private final Replies replies;
	private final WecomClients clients;
	private final WecomAccessTokens tokens;
	private final SyncState sync;
	private final Welcomes welcomes;

	WecomKfChannel(Replies replies, WecomClients clients, WecomAccessTokens tokens, SyncState sync, Welcomes welcomes) {
		this.replies = replies;
		this.clients = clients;
		this.tokens = tokens;
		this.sync = sync;
		this.welcomes = welcomes;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "WeCom customer service";
	}

	@Override
	public List<ConfigProperty> configuration() {
		return List.of(ConfigProperty.required(WecomSettings.CORP_ID, "Corp ID (企业ID)", ConfigProperty.Type.STRING),
				ConfigProperty.secret(WecomSettings.SECRET, "Customer service secret (微信客服 Secret)"),
				ConfigProperty.secret(WecomSettings.TOKEN, "Callback Token"),
				ConfigProperty.secret(WecomSettings.AES_KEY, "Callback EncodingAESKey"),
				ConfigProperty.required(WecomSettings.OPEN_KFID, "Customer service account ID (open_kfid)",
						ConfigProperty.Type.STRING),
				ConfigProperty.optional(WecomSettings.GROUP, "Group", ConfigProperty.Type.STRING),
				ConfigProperty.optional(WecomSettings.API_BASE_URL, "API base URL (default https://qyapi.weixin.qq.com)",
						ConfigProperty.Type.URL));
	}

	@Override
	public String inboundPath() {
		return WecomCallbackController.PATH;
	}

	@Override
	public boolean sendsOut() {
		return true;
	}

	@Override
	public boolean queued() {
		return true;
	}

	/** Settings WeCom would refuse later are refused now; a changed secret drops the stored token. */
	@Override
	public void saved(ChannelInstance instance) {
		validate(instance);
		clients.forget(instance.id());
	}

	private static void validate(ChannelInstance instance) {
		String aesKey = instance.setting(WecomSettings.AES_KEY);
		if (aesKey == null || !aesKey.matches("[A-Za-z0-9]{43}")) {
			throw new RequestRejected("invalid-configuration",
					"encodingAESKey must be the 43 letters and digits WeCom shows (EncodingAESKey)");
		}
		String group = instance.setting(WecomSettings.GROUP);
		if (group != null) {
			try {
				UUID.fromString(group);
			}
			catch (IllegalArgumentException e) {
				throw new RequestRejected("invalid-configuration", "groupId must be a group's id");
			}
		}
	}

	@Override
	public void removed(ChannelInstance instance) {
		clients.forget(instance.id());
		tokens.forget(instance.id());
		sync.forget(instance.id());
		welcomes.forget(instance.id());
	}

	@Override
	public @Nullable String deliver(ChannelInstance instance, Outbound outbound) throws Exception {
		return replies.deliver(instance, outbound);
	}

	/** A token with these credentials, and the customer-service account among those the secret may use. */
	@Override
	public ConnectionCheck check(ChannelInstance instance) {
		// Settings that could never work are refused as saving them would be, before anything is sent to WeCom.
		validate(instance);
		WecomSettings settings;
		try {
			settings = WecomSettings.of(instance);
		}
		catch (RuntimeException e) {
			return ConnectionCheck.failed(e.getMessage());
		}
		WxCpService client = clients.unsaved(instance);
		String api = settings.apiBaseUrl();
		try {
			client.getAccessToken();
		}
		catch (WxErrorException e) {
			return ConnectionCheck.failed("WeCom (" + api + ") refused an access token for corp ID " + settings.corpId()
					+ " and this secret: " + e.getError().getErrorCode() + " " + e.getError().getErrorMsg());
		}
		catch (WxRuntimeException e) {
			return ConnectionCheck.failed("could not reach " + api + ": " + rootMessage(e));
		}
		try {
			WxCpKfAccountListResp accounts = client.getKfService().listAccount(0, 100);
			List<WxCpKfAccountListResp.AccountListDTO> list = accounts.getAccountList() == null ? List.of()
					: accounts.getAccountList();
			return list.stream()
				.filter(a -> settings.openKfid().equals(a.getOpenKfid()))
				.findFirst()
				.map(a -> ConnectionCheck.ok("signed in to WeCom; customer service account \"" + a.getName() + "\" ("
						+ a.getOpenKfid() + ") found"))
				.orElseGet(() -> ConnectionCheck.failed("signed in to WeCom, but the secret's customer service accounts ("
						+ String.join(", ", list.stream().map(a -> a.getName() + " " + a.getOpenKfid()).toList())
						+ ") do not include " + settings.openKfid()));
		}
		catch (WxErrorException e) {
			return ConnectionCheck.failed("WeCom refused to list the customer service accounts (kf/account/list): "
					+ e.getError().getErrorCode() + " " + e.getError().getErrorMsg()
					+ "; is this the secret of 微信客服 (or of an app allowed to manage it)?");
		}
		catch (WxRuntimeException e) {
			return ConnectionCheck.failed("could not reach " + api + ": " + rootMessage(e));
		}
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
