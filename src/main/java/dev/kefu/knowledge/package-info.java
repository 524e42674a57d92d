/**
 * The knowledge base: articles and FAQ entries (standard question, answer, similar phrasings) in a category tree,
 * with tags, status, an owner and a review-by date, and every edit kept as a version. Lucene keeps them searchable
 * (smartcn for Chinese, the English analyzer for English), and the FAQ matcher that the assistant and agent assist
 * use learns from every phrasing.
 */
@NullMarked
package dev.kefu.knowledge;

import org.jspecify.annotations.NullMarked;
