// A page's width as a phone shows it, measured in the browser (shared by the console's browser tests).

/** A page at the phone's width: how wide the document is, which tables scroll sideways in their frame (a clipped column), and what sticks out. */
export interface PhoneWidth {
  width: number;
  scrollingTables: string[];
  wide: string[];
}

// Run in the page, so written as source (the tests are compiled without the DOM's types).
export const measureWidth = `(() => {
  const right = (el) => el.getBoundingClientRect().right > window.innerWidth + 1;
  // Inside a box that scrolls or clips on its own (the menu bar, a table's frame), sticking out is that box's business.
  const clipped = (el) => { for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
  return {
    width: document.scrollingElement.scrollWidth,
    scrollingTables: [...document.querySelectorAll('.table-wrap')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.querySelector('th')?.textContent?.trim() ?? ''),
    // The outermost elements that stick out on the right: what to fix when the width is wrong.
    wide: [...document.body.querySelectorAll('*')]
      .filter((el) => right(el) && !(el.parentElement && right(el.parentElement)) && !clipped(el))
      .slice(0, 5)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().width) + 'px'),
  };
})()`;
