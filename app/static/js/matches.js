// Mutual matches, once the event is over: the details each shared, as links, and one vCard for all.
import { callMe, failure } from "./api.js";
import { fullName, h } from "./dom.js";

/** Fetch my mutual matches and draw them in `section`; say so when there is none or it failed. */
export async function showMatches(section, token, t) {
  const title = h("h2", null, t.matches);
  let answer;
  try {
    answer = await callMe(token, "/matches");
  } catch (error) {
    const retry = h("button", "retry", t.retry);
    retry.type = "button";
    retry.addEventListener("click", () => showMatches(section, token, t));
    section.replaceChildren(title, h("p", "tap-error", failure(error, t)), retry);
    section.hidden = false;
    return;
  }
  if (!answer.revealed) return;
  section.replaceChildren(title, ...body(answer.matches, token, t));
  section.hidden = false;
}

function body(matches, token, t) {
  if (!matches.length) return [h("p", "hint", t.no_match)];
  const all = link(`/api/me/${token}/contacts.vcf`, t.add_all, "button add-all");
  all.setAttribute("download", "");
  return [h("p", "hint", t.matches_hint), h("ul", "match-list", ...matches.map(card)), all];
}

function card(match) {
  const details = [];
  if (match.email) details.push(link(`mailto:${match.email}`, match.email));
  if (match.phone) details.push(link(`tel:${match.phone.replace(/[^\d+]/g, "")}`, match.phone));
  if (match.website) details.push(website(match.website));
  return h("li", "match",
    h("p", "name", fullName(match)),
    h("p", "company", [match.company, match.sector].filter(Boolean).join(" · ")),
    ...details);
}

function website(address) {
  const href = /^https?:\/\//i.test(address) ? address : `https://${address}`;
  const anchor = link(href, address.replace(/^https?:\/\//i, ""));
  anchor.rel = "noopener noreferrer";
  anchor.target = "_blank";
  return anchor;
}

function link(href, text, className = "contact") {
  const anchor = h("a", className, text);
  anchor.href = href;
  return anchor;
}
