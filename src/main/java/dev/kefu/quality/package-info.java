/**
 * Quality inspection (质检): every closed chat an agent handled is inspected by rules, a share of them goes to a QA
 * queue where inspectors score them with rubrics, and agents see their reviews and may appeal them once.
 */
@NullMarked
package dev.kefu.quality;

import org.jspecify.annotations.NullMarked;
