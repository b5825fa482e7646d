/*!40101 SET NAMES utf8mb4 */;
-- a comment; with a semicolon
# and another one;
CREATE DATABASE IF NOT EXISTS `shop`;
USE `shop`;
CREATE TABLE `we``ird` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `note` varchar(20) DEFAULT 'it''s; \'quoted\'',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='a table';
CREATE UNIQUE INDEX ix_note ON `we``ird` (note);
DELIMITER ;;
CREATE DEFINER=`root`@`localhost` TRIGGER t BEFORE INSERT ON `we``ird` FOR EACH ROW BEGIN SET @x = 1; END;;
CREATE PROCEDURE p() BEGIN SELECT 1; END;;
DELIMITER ;
CREATE OR REPLACE SQL SECURITY INVOKER VIEW v AS SELECT 1;
source other.sql
\! ls
