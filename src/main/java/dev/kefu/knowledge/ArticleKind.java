package dev.kefu.knowledge;

/** An FAQ entry answers one question (asked in many ways); an article explains a topic at length. */
public enum ArticleKind {
	FAQ, ARTICLE
}
