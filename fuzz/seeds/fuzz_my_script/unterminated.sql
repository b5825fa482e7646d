CREATE TABLE `unterminated (id int
DELIMITER
'open string