package dev.kefu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A made-up Chinese FAQ of any size up to 10,000 entries (100 products × 100 questions), each with two more
 * phrasings: enough for the assistant's matching to work on a knowledge base of realistic size.
 */
final class SyntheticFaq {

	private static final String[] BRANDS = { "星辰", "青禾", "远山", "晨光", "云杉", "海蓝", "松果", "白鹭", "木棉", "北极" };
	private static final String[] PRODUCTS = { "手机", "耳机", "手表", "平板", "音箱", "路由器", "电饭煲", "空气净化器", "扫地机",
			"电动牙刷" };
	private static final String[] ACTIONS = { "退货", "换货", "保修", "维修", "开发票", "改地址", "催发货", "查物流", "退款", "升级系统" };
	private static final String[] FORMS = { "%s的%s怎么办理", "%s如何%s", "请问%s能不能%s", "%s%s要多久", "%s%s需要什么材料",
			"%s%s收费吗", "%s在哪里%s", "%s%s的流程是什么", "%s%s可以线上办吗", "%s%s失败了怎么办" };

	private SyntheticFaq() {
	}

	record Entry(String question, List<String> phrasings, String answer) {
	}

	static List<Entry> entries(int count) {
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String product = BRANDS[i % 10] + PRODUCTS[(i / 10) % 10];
			String action = ACTIONS[(i / 100) % 10];
			String form = FORMS[(i / 1000) % 10];
			String question = String.format(form, product, action);
			entries.add(new Entry(question, List.of("我想问" + product + action + "的问题", product + "怎么" + action),
					product + action + "：请在“我的订单”中找到该商品，按页面提示办理，客服会在一个工作日内处理。"));
		}
		return entries;
	}

	/** One of the ways a customer asks entry {@code i}, not word for word its question. */
	static String askFor(Entry entry) {
		return "你好，" + entry.question() + "？";
	}

	static String importJson(List<Entry> entries) {
		List<Map<String, Object>> rows = entries.stream()
			.map(e -> Map.<String, Object>of("question", e.question(), "answer", e.answer(), "phrasings", e.phrasings()))
			.toList();
		return KefuApi.JSON.writeValueAsString(rows);
	}
}
