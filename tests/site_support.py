"""Hand-written sites for the site-template tests: pages that share their chrome and differ in their article.

``blog_page(i)`` is story ``i`` of "Harbour Blog": its article, then, inside the
same container, a fund drive with a counter ("64% of our goal", "14 DAYS
LEFT"), an "About this blog" box and a "Follow us" line that every page
repeats.  ``shop_page(i)`` is an item of a shop whose fields repeat on every
page and whose item has little text of its own.
"""
STORIES = [
    ("Harbour crane returns after repairs", ["The old harbour crane, silent for two winters, lifted its first load on Tuesday morning after engineers replaced its rusted gears and cables.",
      "Dock workers gathered to watch as the arm swung a container of timber onto the quay, a task it last performed before the storm of the previous autumn.",
      "The repairs cost the port authority less than expected, its director said, because local welders did much of the work over the summer months."]),
    ("Library extends its opening hours", ["From next month the town library will stay open until nine in the evening on weekdays, answering a petition signed by hundreds of students.",
      "The extra hours are paid for by a small grant from the regional council, which wants more study space for pupils preparing for their exams.",
      "Volunteers will staff the reading room on Saturday afternoons, the head librarian explained, so that the weekend hours can grow as well."]),
    ("Cyclists ask for a safer bridge crossing", ["A group of commuting cyclists has asked the council to paint a separate lane on the narrow bridge over the river, after two collisions this spring.",
      "Their letter describes how buses and bicycles squeeze past each other at the bend where the pavement narrows and the railing is lowest.",
      "Engineers will study traffic on the bridge during the autumn term and report back to the transport committee before the end of the year."]),
    ("Bakery wins regional bread prize", ["A family bakery on the market square has won the regional prize for its rye loaf, baked to a recipe kept by the owner's grandmother.",
      "Judges praised the crust and the sour, deep flavour that comes from a starter the family has fed every day for more than forty years.",
      "The owners plan to celebrate by offering free slices to customers on Saturday morning, and to teach a baking class in the spring."]),
    ("Museum opens a room of old maps", ["The town museum has opened a new room devoted to old maps of the coast, some of them drawn by sailors who charted its shallow bays.",
      "Visitors can compare how the shoreline moved over three centuries, as sand filled the old harbour and the river found a new mouth.",
      "The curator hopes schools will use the room to teach local history, and has prepared worksheets for pupils of every age."]),
]


def blog_page(i: int, percent: int = 64, days: int = 14, canonical: bool = True) -> bytes:
    title, paras = STORIES[i % len(STORIES)]
    link = f"<link rel='canonical' href='https://harbourblog.example/stories/{i}'>" if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"""<html><head><title>{title} | Harbour Blog</title>{link}</head><body>
<header><a href='/'>Harbour Blog</a></header>
<main><div class='post'>
<h1>{title}</h1>
<div class='entry'>{body}</div>
<div class='drive'><p>Our readers keep this blog free.</p><p>{percent}% of our goal</p><p>{days} DAYS LEFT</p></div>
<div class='about'><h3>About this blog</h3><p>Harbour Blog is written by volunteers who live around the old port, and has covered its streets, shops and people since 2009.</p></div>
<p>Follow Harbour Blog on Facebook and Mastodon for more stories from the waterfront.</p>
</div></main>
<footer>All rights reserved.</footer>
</body></html>""".encode()


SHOP_ITEMS = [("Brass ship lantern", "Hand-polished brass, 30 cm tall"), ("Rope door stop", "Tarred hemp on an oak base"),
              ("Tide clock", "Walnut case, battery movement"), ("Sailcloth tote bag", "Recycled sailcloth, two pockets")]


def shop_page(i: int) -> bytes:
    """An item page where the site's fields (labels and notices) are most of the item box."""
    name, detail = SHOP_ITEMS[i % len(SHOP_ITEMS)]
    return f"""<html><head><title>{name} | Harbour Shop</title>
<link rel='canonical' href='https://harbourshop.example/item/{i}'></head><body>
<main><div class='item'><h1>{name}</h1><p>{detail}</p>
<p>Condition:</p><p>new</p>
<p>Delivery:</p><p>varies</p>
<p>International shipment of items may be subject to customs processing and additional charges.</p>
<p>Seller assumes all responsibility for this listing, its description and its delivery to the buyer.</p>
<p>Returns accepted within 30 days of delivery, in the original packing, at the buyer's cost.</p>
</div></main></body></html>""".encode()
