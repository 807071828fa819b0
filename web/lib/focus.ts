/**
 * Moves keyboard focus to the element with this id once it is on the page. After a save, the new content can render
 * a few frames after the answer arrived; trying each frame for up to about a second keeps focus off <body>.
 */
export function focusWhenShown(id: string, frames = 60): void {
  const element = document.getElementById(id);
  if (element) {
    element.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(id, frames - 1));
}
