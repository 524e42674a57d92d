package dev.kefu.knowledge;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * How the knowledge base's text becomes search terms. Every text field is indexed twice: "_zh" through smartcn,
 * which cuts Chinese into words (and lower-cases and stems the English words among them), and "_en" through the
 * English analyzer (standard tokenizer, stop words, Porter stemming). A query is analyzed both ways, so Chinese,
 * English and mixed text all match without guessing each text's language.
 */
final class KnowledgeAnalyzers {

	static final String ZH = "_zh";
	static final String EN = "_en";

	private KnowledgeAnalyzers() {
	}

	static Analyzer perField(String... textFields) {
		Analyzer chinese = new SmartChineseAnalyzer();
		Analyzer english = new EnglishAnalyzer();
		Map<String, Analyzer> fields = new java.util.HashMap<>();
		for (String field : textFields) {
			fields.put(field + ZH, chinese);
			fields.put(field + EN, english);
		}
		return new PerFieldAnalyzerWrapper(english, fields);
	}
}
