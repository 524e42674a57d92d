/**
 * The virtual assistant: per business group, on or off, with a name, a greeting and a confidence threshold. It
 * serves a new chat first, answers from the published FAQ entries when sure, offers "did you mean" choices when
 * unsure, and hands the chat to a person when it cannot answer, when asked for one, after repeated misses, or when
 * the customer is upset. Every reply is recorded for its rating, the knowledge gaps and the bot KPIs.
 */
@NullMarked
package dev.kefu.bot;

import org.jspecify.annotations.NullMarked;
