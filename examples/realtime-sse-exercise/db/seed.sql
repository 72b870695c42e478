INSERT INTO messages (body) VALUES ('Morning, all'), ('Coffee is on');
