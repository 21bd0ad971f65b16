#include "resolve/name_coref.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <map>

namespace claimx {

namespace {

// Surnames may differ by one edit ("Pallow" for "Pellow") when both are long enough that one
// edit is a typo rather than another name ("Kim"/"Kid"), and start with the same letter: typos
// rarely hit the first one, and "Women" is not "Komen".
constexpr std::size_t kFuzzyMinLength = 5;

// "Eurodollar" and "Eurodollars" are one word in two numbers, not a typo of a name.
bool plural_of(const std::string& a, const std::string& b) {
  return a.size() == b.size() + 1 && a.back() == 's' && a.compare(0, b.size(), b) == 0;
}

bool same_word(const std::string& a, const std::string& b, bool fuzzy) {
  if (a == b) return true;
  return fuzzy && a.size() >= kFuzzyMinLength && b.size() >= kFuzzyMinLength && a[0] == b[0] &&
         !plural_of(a, b) && !plural_of(b, a) && edit_distance(a, b, 1) <= 1;
}

// `form` is a run of `full`'s words; only a surname (a word after the first) may be fuzzy.
bool is_run_of(const NameWords& form, const NameWords& full) {
  for (std::size_t s = 0; s + form.size() <= full.size(); ++s) {
    bool ok = true;
    for (std::size_t k = 0; k < form.size() && ok; ++k) ok = same_word(form[k], full[s + k], s + k > 0);
    if (ok) return true;
  }
  return false;
}

// `form` keeps `full`'s first and last word and some of the words between, in order:
// "Brittany Barnett" for "Brittany K. Barnett", "Dennis Pallow" for "Dennis Pellow".
bool is_short_form_of(const NameWords& form, const NameWords& full) {
  if (form.size() < 2 || form.front() != full.front() || !same_word(form.back(), full.back(), true)) return false;
  std::size_t j = 1;
  for (std::size_t k = 1; k + 1 < form.size(); ++k) {
    while (j + 1 < full.size() && full[j] != form[k]) ++j;
    if (j + 1 >= full.size()) return false;
    ++j;
  }
  return true;
}

struct Person {
  NameWords full;                      // the longest form so far
  std::vector<std::size_t> positions;  // of the mentions joined so far
};

// How far person `p` is from a mention at `pos`: its latest mention before it, else its first
// after it, which ranks after every mention before.
std::size_t distance(const Person& p, std::size_t pos) {
  std::size_t before = std::numeric_limits<std::size_t>::max(), after = before;
  for (std::size_t q : p.positions) {
    if (q < pos) before = std::min(before, pos - q);
    else if (q > pos) after = std::min(after, q - pos);
  }
  if (before != std::numeric_limits<std::size_t>::max()) return before;
  if (after == std::numeric_limits<std::size_t>::max()) return after;
  return std::numeric_limits<std::size_t>::max() / 2 + after;
}

// The person `form` fits, nearest to `pos`; -1 when none.
int nearest_fitting(const std::vector<Person>& people, const NameWords& form, std::size_t pos) {
  int best = -1;
  std::size_t best_d = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (!name_form_fits(form, people[i].full)) continue;
    std::size_t d = distance(people[i], pos);
    if (best < 0 || d < best_d) {
      best = static_cast<int>(i);
      best_d = d;
    }
  }
  return best;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int cap) {
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > cap) return cap + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, cur[j]);
    }
    if (best > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool name_form_fits(const NameWords& form, const NameWords& full) {
  if (form.empty() || form.size() > full.size()) return false;
  return is_run_of(form, full) || is_short_form_of(form, full);
}

std::pair<std::size_t, std::size_t> best_fitting_run(const NameWords& words, const NameWords& full) {
  for (std::size_t len = words.size(); len > 0; --len)
    for (std::size_t s = 0; s + len <= words.size(); ++s)
      if (name_form_fits(NameWords(words.begin() + s, words.begin() + s + len), full)) return {s, s + len};
  return {0, 0};
}

std::vector<int> cluster_person_mentions(const std::vector<PersonMention>& mentions) {
  std::vector<int> out(mentions.size(), -1);
  std::vector<Person> people;
  auto join = [&](std::size_t m, int p) {
    if (p < 0) {
      people.push_back({mentions[m].words, {}});
      p = static_cast<int>(people.size() - 1);
    }
    people[p].positions.push_back(mentions[m].position);
    out[m] = p;
  };
  // Full names first, longest first, so every shorter form finds the longest name it belongs to;
  // among forms of one length the most frequent spelling goes first ("Pellow" before a "Pallow").
  std::map<NameWords, int> frequency;
  for (const auto& m : mentions) ++frequency[m.words];
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < mentions.size(); ++i)
    if (!mentions[i].partial && mentions[i].words.size() >= 2) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = mentions[a];
    const auto& y = mentions[b];
    if (x.words.size() != y.words.size()) return x.words.size() > y.words.size();
    return frequency[x.words] > frequency[y.words];
  });
  for (std::size_t m : order) join(m, nearest_fitting(people, mentions[m].words, mentions[m].position));
  // Then single words and partial mentions in text order, so "most recent" counts them too.
  for (std::size_t m = 0; m < mentions.size(); ++m) {
    const auto& mention = mentions[m];
    if (!mention.partial && mention.words.size() >= 2) continue;
    if (!mention.partial) {
      join(m, nearest_fitting(people, mention.words, mention.position));
      continue;
    }
    int p = -1;
    std::size_t best_len = 0, best_d = 0;
    for (std::size_t i = 0; i < people.size(); ++i) {
      auto [b, e] = best_fitting_run(mention.words, people[i].full);
      std::size_t d = distance(people[i], mention.position);
      if (e > b && (e - b > best_len || (e - b == best_len && d < best_d))) {
        p = static_cast<int>(i);
        best_len = e - b;
        best_d = d;
      }
    }
    if (p >= 0) join(m, p);
  }
  return out;
}

}  // namespace claimx
