// The floor of any page that runs a script: the floor page's one card, put in by a module script
// (no database, no library). Against the no-script floor, this is what starting the page's
// JavaScript costs (its context, the extension's API bindings, loading one module).
const article = document.createElement('article');
const title = document.createElement('h2');
title.textContent = 'One card';
const text = document.createElement('p');
text.textContent = 'One small script.';
article.append(title, text);
document.body.append(article);
